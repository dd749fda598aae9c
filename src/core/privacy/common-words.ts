// Words that are capitalised in chat for other reasons than being a name: sentence starts,
// days and months, institutions, laws. A capitalised word after "mevrouw" or "cliënt" that is in
// this list ends the name (or means there is none).

const WORDS = `
aan al alle alleen als alsnog altijd ander andere anders antwoord apart bedankt begint bel belde
belt ben beter bij binnen blijft blijkt boos breed daar daarna daarom daarnaast dag dan dank dat
de deze die dit doe doen doet door dus echter een eerst eigenlijk en er erg even ga gaan gaat
gedaan geen geeft gehad gekregen gelukkig gemeld genoeg gesproken gisteren goed goedemiddag
goedemorgen graag groet groeten had hallo heb hebben heeft heel helaas het hier hierbij hij hoe
hoi hun iemand ik in is ja je jij jullie kan kon komen komt krijgt kun kunnen kwam laat later
liever maar meer met mijn misschien moet moeten morgen na naar nee net niet niets nog nogmaals
nooit nu of ok oke oké om omdat ons ook op over overigens per precies pas rest sinds snel soms
staat straks te tegen terwijl thuis toch toen tot tussen uit vaak van vanaf vandaag vanmiddag
vanmorgen vanochtend veel via vind vindt volgens voor vooral vraag vraagt vroeg waar waarom wanneer
want was wat we weer weet wel werd wij wil wilde wilt wist woont word wordt zal ze zegt zei zelf
zich zij zijn zit zo zoals zodat zonder zou zouden zullen
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo
januari februari maart april mei juni juli augustus september oktober november december
feb mrt apr jun jul aug sep sept okt nov dec
ps nb pm btw ivm mbt tzt bijv ff wrs ws nvt svp
onderweg halfweg loopbaan arbeidsmarkt woningmarkt gerechtshof
verder vervolgens inmiddels eerder kreeg mag gaf vertelt vertelde werkt ontvangt betaalt mailt
meldt schreef verdient wacht weigert snapt begrijpt spreekt ligt loopt ging durft hoort haar hem
hen u uw jouw onze zal
mevrouw meneer mijnheer heer mevr mw mvr dhr mnr familie fam cliënt client cliënte cliente
`;

// Organisations, laws and places: "meneer van de Gemeente", "mevrouw van het UWV". These are never
// a name, not even after a particle (where "van der Meer" makes a plain word a surname).
const INSTITUTION_WORDS = `
gemeente wijkteam buurtteam team sociaal sociale dienst wijk noord zuid oost west centrum stad
uwv svb cak duo ind coa ggd ggz cjg bkr cbr cjib aow ww wia wajong bbz ioaw ioaz wwb wsnp
wmo wlz zvw awb pw jeugdwet participatiewet schuldhulp schuldhulpverlening belastingdienst
toeslagen zorgverzekeraar woningcorporatie huisarts politie rechtbank rechter advocaat
bewindvoerder mentor curator veilig thuis jeugdzorg reclassering juridisch loket raad
kredietbank voedselbank thuiszorg zorg welzijn stichting corporatie woningbouw bank
rabobank ing abn amro sns asn triodos knab bunq vattenfall eneco essent vitens
nederland nederlands engels turks arabisch marokko turkije suriname polen
nederlandse marokkaanse turkse surinaamse antilliaanse hindoestaanse creoolse poolse roemeense
bulgaarse hongaarse duitse belgische franse spaanse italiaanse portugese engelse oekraïense
russische syrische eritrese somalische afghaanse irakese iraanse koerdische arabische ghanese
nigeriaanse kaapverdiaanse chinese indonesische molukse ethiopische
amsterdam rotterdam haag utrecht eindhoven groningen tilburg almere breda nijmegen apeldoorn
haarlem arnhem enschede amersfoort zaanstad zwolle leiden maastricht dordrecht zoetermeer delft
venlo heerlen deventer leeuwarden alkmaar emmen helmond hilversum lelystad gouda schiedam
hoofddorp purmerend roosendaal oss sittard vlaardingen spijkenisse capelle bosch sneek assen
rabat casablanca istanbul ankara paramaribo brussel
cak svb uwv participatiewet wmo cjib rdw
`;

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w.length > 0);

/** Lowercased organisation, law and place words: never part of a name. */
export const INSTITUTIONS: ReadonlySet<string> = new Set(words(INSTITUTION_WORDS));

/** Lowercased words that end or prevent a name: everyday words and the institutions. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...words(WORDS), ...INSTITUTIONS]);

/** Name particles (tussenvoegsels and their Arabic, Romance and Frisian cousins), lowercased. */
export const PARTICLES: ReadonlySet<string> = new Set([
  "van",
  "de",
  "der",
  "den",
  "'t",
  "ter",
  "ten",
  "te",
  "von",
  "vd",
  "v.d.",
  "el",
  "al",
  "le",
  "la",
  "da",
  "dos",
  "du",
  "del",
  "di",
  "bin",
  "ben",
  "ait",
  "aït",
]);

/** Academic and legal titles between a form of address and a name ("mr. drs. J. Jansen"). */
export const ACADEMIC_TITLES: ReadonlySet<string> = new Set([
  "mr",
  "mr.",
  "drs",
  "drs.",
  "dr",
  "dr.",
  "ir",
  "ir.",
  "ing",
  "ing.",
  "prof",
  "prof.",
]);
