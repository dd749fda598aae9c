// A small thesaurus of the Dutch social domain: chat words -> concepts. Paraphrases of one
// problem rarely share their words ("spookbewoner" / "staat nog ingeschreven", "zit vast in
// de PI" / "detentie"), but they share concepts. A word may carry several concepts: a narrow
// one (huurtoeslag) and a broad one (toeslag), so near paraphrases match strongly and loose
// ones a little. Weights: how much sharing the concept says about "same problem" (broad 0.5,
// specific 1.5-2). Words are normalised and stemmed at load, like the questions.

/** [concept id, weight, space-separated trigger words] */
type ConceptDef = readonly [string, number, string];

export const CONCEPTS: readonly ConceptDef[] = [
  // Wonen
  [
    "huur",
    0.9,
    "huur huren huurder huurders huurwoning huurhuis huurcontract huurovereenkomst verhuurder kamerhuur huurprijs huurpenningen woonlasten woonkosten huurachterstand huurschuld huurschulden",
  ],
  ["woning", 0.6, "woning woningen huis huizen studio kamer kamers appartement flat onderdak woonruimte woonplek"],
  ["huurtoeslag", 1.6, "huurtoeslag huurtoeslagen ht huurtoeslaggrens"],
  ["zorgtoeslag", 1.6, "zorgtoeslag zt"],
  ["kinderopvangtoeslag", 1.6, "kinderopvangtoeslag kot kinderopvang"],
  ["kindregelingen", 1.3, "kindgebonden kgb kinderbijslag kb"],
  [
    "toeslag",
    0.8,
    "toeslag toeslagen huurtoeslag zorgtoeslag kinderopvangtoeslag kindgebonden kgb ht zt kot belastingdienst awir",
  ],
  [
    "inschrijving",
    1.5,
    "ingeschreven inschrijven inschrijving inschrijft uitschrijven uitgeschreven uitschrijving brp gba basisregistratie adresonderzoek registratie geregistreerd spookbewoner spookbewoners adresfraude",
  ],
  ["spookbewoner", 1.1, "spookbewoner spookbewoners vertrokken vorige bewoner bewoners"],
  ["briefadres", 2.0, "briefadres briefadressen postadres correspondentieadres"],
  [
    "adresloos",
    1.3,
    "dakloos dakloze daklozen thuisloos thuisloze thuislozen adresloos bankslaper bankslapen straat verblijfplaats zwerft wisselende logeert nergens",
  ],
  ["opvang", 1.0, "opvang nachtopvang daklozenopvang maatschappelijke vrouwenopvang mo vo beschermd bw"],
  ["doorstroom", 1.4, "doorstroom doorstromen doorstroomt uitstroom uitstromen uitstroomt vervolgwoning"],
  [
    "huurgrens",
    1.5,
    "huurgrens huurgrenzen kwaliteitskortingsgrens jongerengrens huurtoeslaggrens huurprijsgrens duurder duurdere dure",
  ],
  [
    "urgentie",
    1.6,
    "urgentie urgentieverklaring voorrang woningzoekend woningzoekende inschrijfduur woonduur regiobinding binding",
  ],
  ["sluiting", 1.9, "sluiting woningsluiting gesloten 13b opiumwet burgemeester"],
  ["drugs", 1.2, "drugs drugsvondst hennep wiet wietplantage hennepkwekerij kwekerij cocaine harddrugs"],
  [
    "ontruiming",
    1.4,
    "ontruiming ontruimd huisuitzetting uitzetting ontbinding opgezegd opzeggen opzegging kwijtraakt kwijtraken",
  ],
  ["woningaanpassing", 1.4, "traplift woningaanpassing aanpassing aanpassen drempels badkamer douche"],
  ["corporatie", 1.0, "corporatie woningcorporatie woningbouw woningbouwvereniging verhuurder"],
  // Inkomen en werk
  [
    "bijstand",
    1.0,
    "bijstand bijstandsuitkering bijstandsgerechtigde bijstandsgerechtigd pw participatiewet wwb levensonderhoud",
  ],
  ["uitkering", 0.6, "uitkering uitkeringen inkomen bijstand ww wia"],
  ["bijzondere-bijstand", 1.2, "bijzondere bb"],
  ["woonkostentoeslag", 1.6, "woonkostentoeslag wkt"],
  ["werk-inkomen", 0.6, "werkeninkomen"],
  ["terugwerkend", 1.6, "terugwerkende terugwerkend achteraf afgelopen periode"],
  [
    "terugbetalen",
    1.3,
    "terugbetalen terugbetaling terugbetaald terugvordering terugvorderen teruggevorderd vordert terugstorten",
  ],
  ["voorschot", 1.7, "voorschot voorschotten bevoorschotting bevoorschot"],
  [
    "uwv",
    1.0,
    "uwv wia ww ziektewet zw wajong arbeidsongeschikt arbeidsongeschiktheid arbeidsongeschiktheidsuitkering keuring",
  ],
  ["wia", 1.5, "wia arbeidsongeschikt arbeidsongeschiktheid arbeidsongeschiktheidsuitkering keuring herbeoordeling"],
  ["ww", 1.2, "ww werkloos werkloosheid werkloosheidswet"],
  ["aow", 1.5, "aow aio pensioen ouderdom"],
  ["gokken", 1.9, "gokken gokt gokwinst gokwinsten casino loterij gokker"],
  ["fokken", 1.9, "fokken fokt fokker fokkerij pups puppy kittens nest nestje"],
  ["dieren", 0.8, "hond honden hondje kat katten dieren dier"],
  [
    "inkomsten",
    1.0,
    "inkomsten verdienen verdient verdiensten bijverdienen bijverdienste opbrengst opbrengsten verkoop verkoopt verkopen verkoopprijs winst",
  ],
  ["kosten-aftrek", 1.3, "aftrekken aftrek afgetrokken verrekend verrekenen verrekening gekort"],
  ["boete", 1.3, "boete boetes bestuurlijke inlichtingenplicht gemeld doorgegeven"],
  ["fraude", 1.6, "fraude fraudevordering fraudeschuld fraudeschulden benadelingsbedrag fraudefuik"],
  [
    "schulden",
    1.0,
    "schuld schulden schuldhulp schuldhulpverlening schuldsanering wsnp msnp schuldregeling minnelijk budgetbeheer achterstand achterstanden huurachterstand huurschuld incasso deurwaarder beslag loonbeslag sh shv wgs",
  ],
  ["schuldregeling", 1.4, "schuldregeling schuldsanering wsnp msnp minnelijk saneringskrediet"],
  [
    "bewind",
    1.3,
    "bewind beschermingsbewind bewindvoerder bewindvoering bewindvoerderskosten bewindskosten bewindkosten budgetbeheer leefgeld",
  ],
  [
    "kostendeler",
    1.6,
    "kostendelersnorm kostendeler kostendelers inwonend inwonende inwoont medebewoner medebewoners huisgenoot huisgenoten kostgeld",
  ],
  ["korting", 0.9, "gekort korting verlaagd verlaging omlaag lagere"],
  [
    "zelfstandige",
    1.6,
    "zzp zzper zzpers zelfstandige zelfstandigen ondernemer onderneming bedrijf eenmanszaak kvk bbz",
  ],
  ["doorverwijzen", 1.0, "kastje muur doorverwezen verwijst wijzen klem pingpong"],
  ["gemeente-wissel", 1.3, "woonplaatsbeginsel woonplaats verhuizing verhuist verhuisd overdracht overneemt overnemen"],
  ["cjib", 1.4, "cjib verkeersboete verkeersboetes"],
  ["werk", 0.8, "werk baan job werken werkt werkgever contract sollicitatie arbeidscontract loon salaris"],
  ["studie", 1.0, "studie studeren student studenten duo studiefinanciering studieschuld opleiding mbo hbo school"],
  ["energie", 1.5, "energie energierekening energieleverancier gas stroom afsluiting afgesloten"],
  // Zorg
  [
    "zorgverzekering",
    1.0,
    "zorgverzekering zorgverzekeraar verzekeraar basisverzekering basispakket zvw verzekerd onverzekerd verzekering polis",
  ],
  ["aanvullend", 1.4, "aanvullend aanvullende"],
  [
    "tandarts",
    1.9,
    "tandarts tandartskosten tandzorg mondzorg gebit gebitsprothese kunstgebit prothese tanden tand kies kiezen kiespijn",
  ],
  [
    "hoortoestel",
    1.9,
    "hoortoestel hoortoestellen gehoorapparaat gehoorapparaten hoorapparaat hoorapparaten gehoor slechthorend slechthorende doof dove",
  ],
  ["vervanging", 1.0, "vervangen vervanging vervangt gebruiksduur levensduur"],
  ["hulphond", 1.9, "hulphond hulphonden assistentiehond geleidehond blindengeleidehond signaalhond adl"],
  ["hulpmiddel", 1.0, "hulpmiddel hulpmiddelen rolstoel scootmobiel rollator tillift fiets driewielfiets"],
  ["mantelzorg", 1.5, "mantelzorg mantelzorger mantelzorgers respijtzorg respijt logeeropvang ontlasten"],
  ["ziekenhuis", 1.2, "ziekenhuis ziekenhuisopname geopereerd operatie"],
  [
    "verpleging",
    1.3,
    "verpleging wijkverpleging thuisverpleging verpleegkundige thuiszorg kinderthuiszorg kindzorg sondevoeding beademing kinderverpleegkundige nachtzorg",
  ],
  ["wlz", 1.2, "wlz zorgkantoor ciz verpleeghuis langdurige indicatie toezicht"],
  ["dementie", 1.2, "dementie dement alzheimer"],
  ["wmo", 0.8, "wmo begeleiding dagbesteding huishoudelijke hh"],
  [
    "ggz",
    1.1,
    "ggz psychisch psychische psychiatrisch psychiatrische psychiatrie depressie psychose verslaving verslaafd psycholoog psychiater",
  ],
  ["opname", 1.3, "opname opgenomen kliniek wvggz bopz zorgmachtiging crisismaatregel gedwongen dwang"],
  ["eigen-bijdrage", 1.2, "bijdrage eigenbijdrage risico cak"],
  ["overlijden", 1.6, "begrafenis uitvaart crematie overleden overlijden"],
  // Jeugd
  [
    "jongere",
    0.8,
    "jongere jongeren jongen meisje jongeman jongvolwassene jongvolwassenen tiener puber 18 18e 19 20 21 23 27 achttien meerderjarig",
  ],
  ["achttien", 1.6, "18 18e achttien meerderjarig"],
  ["kind", 0.5, "kind kinderen kindje zoon dochter baby gezin"],
  ["jeugdhulp", 1.0, "jeugdhulp jeugdzorg jeugdwet jw jeugdteam"],
  ["pleegzorg", 1.7, "pleegzorg pleeggezin pleegouders pleegouder pleegkind"],
  ["overgang", 1.2, "overgang overgangen tegelijk tegelijkertijd wal schip"],
  ["jeugdbescherming", 1.4, "ots ondertoezichtstelling jeugdbescherming gi uithuisplaatsing uithuisgeplaatst"],
  // Justitie
  [
    "detentie",
    1.8,
    "detentie gedetineerd gedetineerde gedetineerden gevangenis gevangenschap gevangen cel bajes pi penitentiaire voorarrest hechtenis vastgezet arrestatie gearresteerd vrijkomt vrijlating",
  ],
  ["id-bewijs", 1.6, "identiteitsbewijs id idkaart paspoort legitimatie"],
  // Verblijf en partner
  [
    "verblijf",
    1.8,
    "verblijfsvergunning verblijfsstatus ongedocumenteerd ongedocumenteerde statusloos status ind vreemdeling koppelingsbeginsel papieren illegaal",
  ],
  [
    "partner",
    0.7,
    "partner partners echtgenoot echtgenote man vrouw vriend vriendin ex expartner samenwonen samenwonend gescheiden scheiding vader moeder huishouden",
  ],
  ["nationaliteit", 1.0, "nederlands nederlandse nationaliteit"],
  // Procedure
  ["weigering", 0.6, "afgewezen afwijzing weigert weigering geweigerd afwijzen wijst nee"],
  [
    "stopt",
    0.6,
    "stopgezet stopt gestopt stoppen beeindigd beeindiging ingetrokken stopzetting geblokkeerd opgeschort blokkade vervalt vervallen kwijt verliezen verliest verlies",
  ],
  ["bezwaar", 1.0, "bezwaar beroep bezwaarschrift rechter"],
  ["wachten", 0.6, "wachtlijst wachttijd wachtlijsten wachten"],
  ["vervoer", 1.4, "vervoer taxi regiotaxi leerlingenvervoer"],
];

/**
 * Words that say little about which problem it is (chat filler, time, quantity). They still
 * count a little, so two questions made only of such words do not look alike.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    "probleem problemen week weken maand dag dagen gisteren vandaag morgen nu weer alleen eerst steeds terwijl omdat sinds zonder " +
    "nieuwe nieuw andere ander anders tijd keer soms vaak altijd nooit misschien ervaring idee tip tips oplossing casus casussen " +
    "cliente cliënt iemand niemand allemaal collega collegas team goed slecht snel lang kort groot klein hele heel helemaal " +
    "hulp helpen helpt doen gedaan zeggen zegt gezegd vinden vind denk denken kijken kijkt gebeuren gebeurt lukt lukken " +
    "volgende vorige laatste eerste twee drie vier tweede derde euro bedrag paar beetje zelf zelfs eens nodig terecht klopt " +
    "kunnen graag ervan erop erin waarom wat welke gemeente gemeentes regel regels loket"
  ).split(/\s+/),
);

/** Words whose stem collides with a thesaurus word of another meaning ("opvangen" is not "opvang"). */
export const NOT_CONCEPT: ReadonlySet<string> = new Set(
  "opvangen opvangt opgevangen kort korte korter vervangende staat staan".split(/\s+/),
);

/**
 * Multi-word expressions that name a concept no single word does ("trekt in bij", "wijzen
 * naar elkaar"). Matched on the normalised text; [pattern, concept].
 */
export const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(woont|wonen|woont weer|weer) thuis\b|\btrekt in\b|\btrok in\b|\bintrekken bij\b|\bwoont in bij\b|\bwoont bij (zijn|haar|de) (ouders|moeder|vader)\b/,
    "kostendeler",
  ],
  [
    /\bwijzen naar elkaar\b|\bwijst naar (de|het) ander\b|\bkastje naar de muur\b|\bnaar elkaar wijzen\b/,
    "doorverwijzen",
  ],
  [/\btussen wal en schip\b|\bvalt tussen\b/, "overgang"],
  [/\bop straat\b|\b(geen|zonder) (vast |vaste )?(adres|woonadres|woonplek|verblijfplaats|dak boven)\b/, "adresloos"],
  [/\bgeen aanvullende\b|\bniet aanvullend\b/, "aanvullend"],
  [/\beigen bijdrage\b|\beigen risico\b/, "eigen-bijdrage"],
  [/\bkomt vrij\b|\bvrij uit (de )?(gevangenis|detentie|bajes)\b/, "detentie"],
  [/\bmet terugwerkende kracht\b|\bniet met terugwerkende\b/, "terugwerkend"],
];

/** Team logistics and small talk: with at most one domain concept, the message is chat. */
export const CHAT_WORDS: ReadonlySet<string> = new Set(
  (
    "dienst diensten rooster overnemen ruilen vrij vrije vrijdag maandag dinsdag woensdag donderdag zaterdag zondag vakantie " +
    "verlof ziek ziekgemeld afspraak afspraken overleg teamoverleg vergadering vergaderkamer lunch lunchen koffie taart " +
    "training cursus teamdag uitje borrel laptop printer oplader telefoon wachtwoord sleutel auto parkeren fiets " +
    "goedemorgen goedemiddag fijne weekend feestdag verjaardag jarig"
  ).split(/\s+/),
);
