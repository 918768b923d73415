import type { ContactType, LifeDomain } from "@naast/shared";

/** Invented plans, in the team's own words. Scores run oldest first. */
export interface DemoDomain {
  domain: LifeDomain;
  situation: string;
  goal: string;
  scores: number[];
}
/** A contact: its text, on the street unless said otherwise; a no-show is an attempt, not a contact. */
export type DemoContact = string | { text: string; type: ContactType; noShow?: boolean };
export interface DemoPlan {
  domains: DemoDomain[];
  agreements: { text: string; domain: LifeDomain | null; owner: string; dueInDays: number }[];
  /** Newest first, a few days apart. */
  notes: DemoContact[];
}

export const demoPlans: Record<string, DemoPlan> = {
  anouk: {
    domains: [
      {
        domain: "safety",
        situation: "Vertelde over een man die haar geld afneemt en bepaalt waar ze staat: signalen van uitbuiting.",
        goal: "Een veilige slaapplek en, als zij dat wil, een melding bij het Zorg- en Veiligheidshuis.",
        scores: [],
      },
      {
        domain: "sexuality_sex_work",
        situation: "Werkt op straat; denkt na over uitstappen als er woonruimte is.",
        goal: "Kennismaken met het uitstapprogramma; regelmatig naar het SOA-spreekuur.",
        scores: [],
      },
      {
        domain: "housing",
        situation: "Slaapt wisselend bij een kennis en in de nachtopvang. Wil een eigen kamer.",
        goal: "Binnen drie maanden een plek in Skaeve Huse of een kamer via de woningcorporatie.",
        scores: [1, 1, 2],
      },
      {
        domain: "finances",
        situation: "Schulden bij zorgverzekeraar en CJIB, geen overzicht. Bijstand loopt sinds maart.",
        goal: "Aanmelding bij schuldhulpverlening en een budgetbeheerder.",
        scores: [1, 2],
      },
      {
        domain: "addiction",
        situation: "Dagelijks gebruik van crack; heeft twee keer een afspraak bij de verslavingsarts gehaald.",
        goal: "Minderen van gebruik; opname in overweging als er een plek vrijkomt.",
        scores: [1, 2, 2],
      },
      {
        domain: "physical_health",
        situation: "Wond aan het been genas slecht; inmiddels behandeld door de straatdokter.",
        goal: "Regelmatig naar het SOA-spreekuur en de huisarts.",
        scores: [2, 3],
      },
      {
        domain: "social_network",
        situation: "Contact met moeder is voorzichtig hersteld; vriend is ook gebruiker.",
        goal: "Eén vaste steunfiguur buiten het gebruikerscircuit.",
        scores: [2],
      },
    ],
    agreements: [
      { text: "Samen met Anouk de aanvraag Skaeve Huse invullen", domain: "housing", owner: "u-fatima", dueInDays: 10 },
      { text: "Budgetbeheer aanvragen bij Plangroep", domain: "finances", owner: "u-marieke", dueInDays: -5 },
      { text: "Anouk begeleiden naar het SOA-spreekuur", domain: "physical_health", owner: "u-lotte", dueInDays: 21 },
    ],
    notes: [
      { text: "Anouk kwam zelf langs bij de inloop. Rustig gesprek, wil graag van de straat af.", type: "drop_in" },
      { text: "Afspraak bij de verslavingsarts gehaald, samen met Sanne (ervaringsdeskundige).", type: "with_peer" },
    ],
  },
  sandra: {
    domains: [
      {
        domain: "housing",
        situation: "Woont in Beschermd Wonen licht van het Leger des Heils, kamer dreigt te vervallen door overlast.",
        goal: "Woonplek behouden; afspraken over bezoek.",
        scores: [2, 3, 3],
      },
      {
        domain: "mental_health",
        situation: "Trauma-gerelateerde klachten, slaapt slecht. Diagnose PTSS in 2022.",
        goal: "Start traumabehandeling bij de GGZ.",
        scores: [2, 2],
      },
      { domain: "addiction", situation: "Alcohol, vooral in het weekend.", goal: "Gebruik bespreekbaar houden; motiverende gesprekken.", scores: [2, 3] },
      { domain: "finances", situation: "Uitkering via bewindvoering; weekgeld op vrijdag.", goal: "Zelf boodschappen plannen met weekgeld.", scores: [3] },
    ],
    agreements: [
      { text: "Gesprek met woonbegeleiding over de overlastmeldingen", domain: "housing", owner: "u-marieke", dueInDays: 3 },
      { text: "Verwijzing traumabehandeling bespreken met huisarts", domain: "mental_health", owner: "u-joost", dueInDays: 14 },
    ],
    notes: ["Sandra was boos over de melding van de buren, na een uur rustiger. Wil blijven wonen."],
  },
  priscilla: {
    domains: [
      {
        domain: "physical_health",
        situation: "Zwanger (ca. 20 weken), nog niet bij de verloskundige geweest.",
        goal: "Prenatale zorg starten en volhouden.",
        scores: [1, 2],
      },
      { domain: "mental_health", situation: "Somber, twijfelt over de zwangerschap.", goal: "Gesprek met de GGD-arts en een vaste hulpverlener.", scores: [2] },
      {
        domain: "justice",
        situation: "Openstaande boete en een taakstraf die nog niet is uitgevoerd.",
        goal: "Contact met de reclassering herstellen.",
        scores: [2, 2],
      },
    ],
    agreements: [
      { text: "Eerste afspraak verloskundige regelen en samen gaan", domain: "physical_health", owner: "u-lotte", dueInDays: 5 },
      { text: "Contact reclassering over de taakstraf", domain: "justice", owner: "u-fatima", dueInDays: -2 },
    ],
    notes: ["Priscilla wil de GGD-verpleegkundige erbij, niet haar oude casemanager."],
  },
  jolanda: {
    domains: [
      { domain: "housing", situation: "Dakloos sinds de huisuitzetting in januari.", goal: "Nachtopvang structureel, daarna een time-out plek.", scores: [1] },
      {
        domain: "daytime_activity",
        situation: "Geen dagbesteding; zit overdag op straat.",
        goal: "Twee ochtenden per week naar de inloop van het Leger des Heils.",
        scores: [1, 2],
      },
    ],
    agreements: [
      { text: "Time-out plek aanvragen voor twee weken", domain: "housing", owner: "u-marieke", dueInDays: 7 },
      // The ervaringsdeskundige owns an afspraak too (issue 13, point 5).
      { text: "Met Jolanda meelopen naar de inloop op dinsdag", domain: "daytime_activity", owner: "u-sanne", dueInDays: 6 },
    ],
    notes: ["Jolanda wil (nog) niet dat andere organisaties meekijken. Respecteren, opnieuw vragen over een maand."],
  },
  kim: {
    domains: [
      {
        domain: "mental_health",
        situation: "Licht verstandelijke beperking (LVB) vermoed; onderzoek loopt.",
        goal: "Passende begeleiding na het onderzoek.",
        scores: [2, 2],
      },
      { domain: "social_network", situation: "Ex-partner oefent druk uit; mogelijk uitbuiting.", goal: "Veiligheidsplan maken met Kim.", scores: [1] },
    ],
    agreements: [{ text: "Veiligheidsplan opstellen met Kim", domain: "social_network", owner: "u-lotte", dueInDays: 4 }],
    notes: ["Kim heeft haar toestemming voor Iriszorg ingetrokken na een conflict op de inloop."],
  },
  monique: {
    domains: [
      { domain: "finances", situation: "Schuldsanering (WSNP) loopt nog 14 maanden.", goal: "Traject afmaken zonder nieuwe schulden.", scores: [2, 3, 3] },
      { domain: "work_education", situation: "Werkt twee dagen bij de kringloop.", goal: "Uitbreiden naar drie dagen.", scores: [3, 4] },
    ],
    agreements: [{ text: "Evaluatie werkplek kringloop", domain: "work_education", owner: "u-ruben", dueInDays: 30 }],
    notes: ["Toestemming voor het Leger des Heils is verlopen; Monique wil erover nadenken."],
  },
  chantal: {
    domains: [
      {
        domain: "housing",
        situation: "Tijdelijke kamer via Leger des Heils, contract loopt af.",
        goal: "Doorstroom naar een eigen woning met begeleiding.",
        scores: [2, 3],
      },
      { domain: "addiction", situation: "Methadonprogramma, stabiel sinds zes maanden.", goal: "Stabiel blijven; afbouw bespreken.", scores: [2, 3, 4] },
      { domain: "physical_health", situation: "Hepatitis C behandeld; controle over drie maanden.", goal: "Controle niet missen.", scores: [3] },
    ],
    agreements: [
      { text: "Urgentieaanvraag woning indienen", domain: "housing", owner: "u-joost", dueInDays: 12 },
      { text: "Controle-afspraak MDL-arts inplannen", domain: "physical_health", owner: "u-lotte", dueInDays: 60 },
    ],
    notes: ["Chantal vraagt of de toestemming verlengd kan worden; gesprek plannen vóór het einde."],
  },
  esther: {
    domains: [{ domain: "physical_health", situation: "Chronische longklachten, rookt veel.", goal: "Longarts bezoeken.", scores: [2] }],
    agreements: [{ text: "Afspraak longarts maken", domain: "physical_health", owner: "u-lotte", dueInDays: 9 }],
    notes: ["Esther komt alleen op dinsdag naar het spreekuur."],
  },
};
