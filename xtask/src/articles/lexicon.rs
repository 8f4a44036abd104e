//! The words of the generated news (`articles::news`): countries, bodies, name parts,
//! outlets, and the sentences of each beat, all written for the generator. Data only; how
//! they are drawn and filled is in `articles.rs`.

/// Countries with their adjective and capital, real names the knowledge base links. The
/// first ones come up far more often.
pub(super) const NATIONS: &[(&str, &str, &str)] = &[
    ("the United States", "US", "WASHINGTON"),
    ("China", "Chinese", "BEIJING"),
    ("Russia", "Russian", "MOSCOW"),
    ("Ukraine", "Ukrainian", "KYIV"),
    ("Germany", "German", "BERLIN"),
    ("India", "Indian", "NEW DELHI"),
    ("Japan", "Japanese", "TOKYO"),
    ("France", "French", "PARIS"),
    ("Britain", "British", "LONDON"),
    ("Iran", "Iranian", "TEHRAN"),
    ("Turkey", "Turkish", "ANKARA"),
    ("Saudi Arabia", "Saudi", "RIYADH"),
    ("Brazil", "Brazilian", "BRASILIA"),
    ("South Korea", "South Korean", "SEOUL"),
    ("North Korea", "North Korean", "PYONGYANG"),
    ("Israel", "Israeli", "JERUSALEM"),
    ("Poland", "Polish", "WARSAW"),
    ("Italy", "Italian", "ROME"),
    ("Canada", "Canadian", "OTTAWA"),
    ("Australia", "Australian", "CANBERRA"),
    ("Mexico", "Mexican", "MEXICO CITY"),
    ("Indonesia", "Indonesian", "JAKARTA"),
    ("Pakistan", "Pakistani", "ISLAMABAD"),
    ("Egypt", "Egyptian", "CAIRO"),
    ("Spain", "Spanish", "MADRID"),
    ("Vietnam", "Vietnamese", "HANOI"),
    ("Nigeria", "Nigerian", "ABUJA"),
    ("South Africa", "South African", "PRETORIA"),
    ("Qatar", "Qatari", "DOHA"),
    ("the United Arab Emirates", "Emirati", "ABU DHABI"),
    ("Kazakhstan", "Kazakh", "ASTANA"),
    ("Belarus", "Belarusian", "MINSK"),
    ("Syria", "Syrian", "DAMASCUS"),
    ("Iraq", "Iraqi", "BAGHDAD"),
    ("Norway", "Norwegian", "OSLO"),
    ("Sweden", "Swedish", "STOCKHOLM"),
    ("Finland", "Finnish", "HELSINKI"),
    ("the Netherlands", "Dutch", "THE HAGUE"),
    ("Belgium", "Belgian", "BRUSSELS"),
    ("Switzerland", "Swiss", "BERN"),
    ("Austria", "Austrian", "VIENNA"),
    ("Hungary", "Hungarian", "BUDAPEST"),
    ("Serbia", "Serbian", "BELGRADE"),
    ("Romania", "Romanian", "BUCHAREST"),
    ("Greece", "Greek", "ATHENS"),
    ("Czech Republic", "Czech", "PRAGUE"),
    ("Argentina", "Argentine", "BUENOS AIRES"),
    ("Chile", "Chilean", "SANTIAGO"),
    ("Peru", "Peruvian", "LIMA"),
    ("Colombia", "Colombian", "BOGOTA"),
    ("Venezuela", "Venezuelan", "CARACAS"),
    ("Cuba", "Cuban", "HAVANA"),
    ("Ethiopia", "Ethiopian", "ADDIS ABABA"),
    ("Kenya", "Kenyan", "NAIROBI"),
    ("Algeria", "Algerian", "ALGIERS"),
    ("Morocco", "Moroccan", "RABAT"),
    ("Tunisia", "Tunisian", "TUNIS"),
    ("Libya", "Libyan", "TRIPOLI"),
    ("Sudan", "Sudanese", "KHARTOUM"),
    ("Ghana", "Ghanaian", "ACCRA"),
    ("Senegal", "Senegalese", "DAKAR"),
    ("Angola", "Angolan", "LUANDA"),
    ("Mali", "Malian", "BAMAKO"),
    ("Niger", "Nigerien", "NIAMEY"),
    ("Oman", "Omani", "MUSCAT"),
    ("Kuwait", "Kuwaiti", "KUWAIT CITY"),
    ("Jordan", "Jordanian", "AMMAN"),
    ("Lebanon", "Lebanese", "BEIRUT"),
    ("Yemen", "Yemeni", "SANAA"),
    ("Afghanistan", "Afghan", "KABUL"),
    ("Bangladesh", "Bangladeshi", "DHAKA"),
    ("Sri Lanka", "Sri Lankan", "COLOMBO"),
    ("Myanmar", "Myanmar", "NAYPYITAW"),
    ("Thailand", "Thai", "BANGKOK"),
    ("Malaysia", "Malaysian", "KUALA LUMPUR"),
    ("Singapore", "Singaporean", "SINGAPORE"),
    ("the Philippines", "Philippine", "MANILA"),
    ("Taiwan", "Taiwanese", "TAIPEI"),
    ("Mongolia", "Mongolian", "ULAANBAATAR"),
    ("Uzbekistan", "Uzbek", "TASHKENT"),
    ("Azerbaijan", "Azerbaijani", "BAKU"),
    ("Armenia", "Armenian", "YEREVAN"),
    ("Georgia", "Georgian", "TBILISI"),
    ("Moldova", "Moldovan", "CHISINAU"),
    ("Lithuania", "Lithuanian", "VILNIUS"),
    ("Latvia", "Latvian", "RIGA"),
    ("Estonia", "Estonian", "TALLINN"),
    ("Denmark", "Danish", "COPENHAGEN"),
    ("Ireland", "Irish", "DUBLIN"),
    ("Portugal", "Portuguese", "LISBON"),
    ("New Zealand", "New Zealand", "WELLINGTON"),
    ("Bolivia", "Bolivian", "LA PAZ"),
];

/// International bodies, by the names news gives them.
pub(super) const BODIES: &[&str] = &[
    "the International Monetary Fund",
    "the World Bank",
    "the United Nations",
    "the European Union",
    "NATO",
    "OPEC",
    "the World Trade Organization",
    "the International Energy Agency",
    "the African Union",
    "the Asian Development Bank",
    "the World Food Programme",
    "the International Atomic Energy Agency",
];

pub(super) const FIRST_NAMES: &[&str] = &[
    "Anna", "Boris", "Carlos", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonas",
    "Karim", "Lena", "Mehmet", "Nadia", "Oleg", "Priya", "Rafael", "Sofia", "Tomas", "Yusuf",
    "Amira", "Bruno", "Chen", "Daniel", "Emeka", "Fatima", "Gustav", "Hana", "Ivan", "Julia",
    "Kenji", "Leila", "Marco", "Nikolai", "Olga", "Pablo", "Rania", "Stefan", "Tariq", "Vera",
    "Aisha", "Bilal", "Clara", "Diego", "Erik", "Lucia", "Mikhail", "Noor", "Pedro", "Sara",
    "Thomas", "Wei", "Ahmed", "Beatriz", "Kwame", "Maria", "Samuel", "Irina", "Arjun", "Min-jun",
];

/// Surnames written out; more are made from [`SURNAME_HEADS`] and [`SURNAME_TAILS`].
pub(super) const SURNAMES: &[&str] = &[
    "Petrov",
    "Okafor",
    "Schneider",
    "Tanaka",
    "Haddad",
    "Kowalski",
    "Silva",
    "Novak",
    "Yilmaz",
    "Moreau",
    "Rahman",
    "Lindqvist",
    "Kuznetsov",
    "Mensah",
    "Ortega",
    "Nakamura",
    "Farouk",
    "Bauer",
    "Costa",
    "Ivanova",
    "Kaya",
    "Dubois",
    "Sharma",
    "Hansen",
    "Romero",
    "Volkov",
    "Adeyemi",
    "Fischer",
    "Sato",
    "Nasser",
    "Wojcik",
    "Pereira",
    "Horvat",
    "Demir",
    "Laurent",
    "Gupta",
    "Berg",
    "Morales",
    "Sokolov",
    "Boateng",
    "Weber",
    "Kim",
    "Karimi",
    "Zielinski",
    "Santos",
    "Kovac",
    "Aydin",
    "Girard",
    "Iyer",
    "Nilsen",
    "Vargas",
    "Orlov",
];

pub(super) const SURNAME_HEADS: &[&str] = &[
    "Bel", "Kar", "Dor", "Mar", "Vel", "Tor", "Sal", "Nov", "Ros", "Gal", "Hal", "Lin", "Mir",
    "Pol", "Ber", "Kal", "Dan", "Fer", "Gor", "Jan", "Lev", "Mel", "Nor", "Ost", "Pet", "Ram",
    "Sor", "Tal", "Var", "Zel", "Ash", "Bran", "Cor", "Dal", "Esk",
];

pub(super) const SURNAME_TAILS: &[&str] = &[
    "enko", "ov", "ini", "stein", "berg", "ez", "ani", "escu", "ski", "sson", "ides", "oglu",
    "ara", "mann", "elli", "ovic", "ier", "aki", "ard", "ton", "ley", "ida", "ova", "ach", "inen",
    "vik", "ado", "ari", "on", "ek", "es", "uk", "ell", "ane", "ori", "ant",
];

/// Stems of invented firm and town names.
pub(super) const STEM_HEADS: &[&str] = &[
    "Nor", "Vel", "Ast", "Kor", "Sol", "Mer", "Tal", "Bri", "Dun", "Cal", "Fen", "Gar", "Hol",
    "Iber", "Jor", "Kes", "Lum", "Mon", "Nev", "Or", "Pan", "Quin", "Rav", "Sar", "Tor", "Ul",
    "Var", "Wes", "Zan", "Ard", "Bel", "Cor", "Dal", "Elm", "Ferr", "Glen",
];

pub(super) const STEM_TAILS: &[&str] = &[
    "vik", "ora", "ex", "dal", "ton", "mark", "ia", "is", "ant", "ova", "ium", "en", "ar", "ix",
    "ona", "ath", "ell", "ora", "und", "ago", "ane", "ero", "ost", "ur",
];

pub(super) const FIRM_TRADES: &[&str] = &[
    "Marine",
    "Energy",
    "Steel",
    "Logistics",
    "Aerospace",
    "Mining",
    "Petroleum",
    "Telecom",
    "Shipping",
    "Chemicals",
    "Motors",
    "Agro",
    "Semiconductor",
    "Defence",
    "Power",
    "Capital",
    "Construction",
    "Pharma",
    "Rail",
    "Textiles",
    "Grain",
    "Cement",
    "Solar",
    "Systems",
];

pub(super) const FIRM_DESIGNATORS: &[&str] = &[
    "Holdings",
    "Group",
    "Corp",
    "Ltd",
    "AG",
    "SA",
    "Industries",
    "International",
];

pub(super) const TOWN_ENDINGS: &[&str] = &[
    "", "", "", "sk", "grad", "pol", "abad", "ville", "burg", "port", "ovo", "field",
];

pub(super) const OUTLETS: &[(&str, &str)] = &[
    ("The Meridian Post", "meridianpost.example"),
    ("Northern Ledger", "northernledger.example"),
    ("Daily Compass", "dailycompass.example"),
    ("Harbour Times", "harbourtimes.example"),
    ("Global Wire Service", "globalwire.example"),
    ("The Continental", "continental.example"),
    ("Eastern Courier", "easterncourier.example"),
    ("Market Observer", "marketobserver.example"),
    ("The Atlas Review", "atlasreview.example"),
    ("Capital Dispatch", "capitaldispatch.example"),
    ("Frontline Monitor", "frontlinemonitor.example"),
    ("Trade Gazette", "tradegazette.example"),
];

pub(super) const WIRES: &[&str] = &[
    "Global Wire",
    "Allied Press",
    "Newsline",
    "Continental Wire",
];

pub(super) const QUALIFY: &[&str] = &[
    "",
    "",
    "",
    "about ",
    "nearly ",
    "more than ",
    "almost ",
    "at least ",
    "roughly ",
    "some ",
    "up to ",
    "just over ",
    "less than ",
];

pub(super) const SAYS: &[&str] = &[
    "said",
    "said on {day}",
    "told reporters",
    "said in a statement",
    "told a news conference",
    "wrote on social media",
    "said in an interview",
    "told parliament",
];

/// A beat: what its figures count and the sentences it is written in.
pub(super) struct Beat {
    /// Goods or things the beat's figures count, as (mass noun, count noun).
    pub(super) goods: &'static [(&'static str, &'static str)],
    /// Units of its measured quantities.
    pub(super) units: &'static [&'static str],
    /// Offices its people hold.
    pub(super) roles: &'static [&'static str],
    /// Subheadings.
    pub(super) heads: &'static [&'static str],
    pub(super) lead: &'static [&'static str],
    pub(super) body: &'static [&'static str],
}

// Placeholders, filled by `fill`: {c} {c2} {c3} countries (the first the article's own;
// {C} at a sentence start), {adj} {adj2} their adjectives, {p} {p2} people (full name the
// first time, surname after), {role} {role2} their offices, {f} {f2} firms, {town} a town,
// {body} an international body, {money} {money2} sums, {qty} a measured amount of {goods},
// {n} a count of {things}, {pct} a percentage, {when} a past date phrase, {since} a
// "since" phrase, {future} a date ahead, {year} the year, {say} a verb of saying, {day} a
// weekday, {q} a qualifier.

const TRADE: Beat = Beat {
    goods: &[
        ("wheat", "cargoes"),
        ("steel", "shipments"),
        ("semiconductors", "containers"),
        ("fertiliser", "vessels"),
        ("copper", "cargoes"),
        ("solar panels", "containers"),
        ("rare earths", "shipments"),
        ("machine tools", "consignments"),
        ("soybeans", "cargoes"),
        ("aluminium", "shipments"),
    ],
    units: &["tonnes", "metric tons", "tons"],
    roles: &["trade minister", "economy minister", "finance minister", "customs chief", "commerce secretary"],
    heads: &["Export curbs", "Tariff talks", "Shipping costs", "What comes next"],
    lead: &[
        "{C} exported {money} worth of {goods} to {c2} {when}, {p}, {c}'s {role}, {say}.",
        "Imports of {goods} from {c2} into {c} rose {pct} {when} to {qty}, customs data showed.",
        "{C} and {c2} agreed {when} to cut tariffs on {goods}, a deal worth {money} a year, officials {say}.",
        "{Adj} exports of {goods} fell {pct} {when}, the steepest drop since {year}, according to {f}.",
    ],
    body: &[
        "Trade between {c} and {c2} reached {money} {when}, up from {money2} a year earlier.",
        "{p} {say} that shipments of {goods} would resume {future}.",
        "The {adj2} government imposed duties of {pct} on {goods} from {c} {when}.",
        "{f} shipped {qty} of {goods} through the port of {town} {when}, the company {say}.",
        "\"We are not going to accept unfair competition,\" {p} {say}.",
        "Analysts at {f2} estimate the measures could cost {adj} producers {money} {future}.",
        "{C} has sent {n} {things} of {goods} to {c3} {since}, according to shipping data.",
        "{body} forecast that global trade in {goods} would grow {pct} {future}.",
        "Prices of {goods} rose to {money} a tonne {when}, traders {say}.",
        "The surplus with {c2} narrowed to {money} in the first half, {p2}, an economist at {f2}, {say}.",
        "{C} buys {pct} of its {goods} from {c2}, {body} said in a report published {when}.",
        "Customs officers in {town} held {n} {things} {when} pending checks, {p2} {say}.",
    ],
};

const ARMS: Beat = Beat {
    goods: &[
        ("artillery shells", "shells"),
        ("drones", "drones"),
        ("air-defence systems", "launchers"),
        ("armoured vehicles", "vehicles"),
        ("fighter jets", "jets"),
        ("patrol boats", "boats"),
        ("ammunition", "rounds"),
    ],
    units: &["tonnes", "tons"],
    roles: &["defence minister", "foreign minister", "army chief of staff", "national security adviser", "military spokesman"],
    heads: &["Deliveries", "Sanctions risk", "Production lines"],
    lead: &[
        "{C} has delivered {n} {things} to {c2} {since}, {p}, {c}'s {role}, {say}.",
        "{C} signed a {money2} contract {when} to buy {goods} from {f}, the {adj} defence ministry {say}.",
        "{Adj2} forces received {n} {things} from {c} {when}, according to {f2}.",
        "{C} plans to send {n} more {things} to {c2} {future}, {p} {say}.",
    ],
    body: &[
        "The package, worth {money}, includes {n} {things} and spare parts, {p} {say}.",
        "{f} said it would raise output of {goods} to {n} a month {future}.",
        "\"These deliveries will continue as long as they are needed,\" {p} {say}.",
        "{p2}, {c2}'s {role2}, {say} the transfers breached an agreement signed in {year}.",
        "{C} spent {money} on {goods} {when}, up {pct} from a year earlier, {f2} estimated.",
        "Satellite images showed {n} {things} at a base near {town} {when}.",
        "{body} said {n} {things} had been shipped to {c2} {since}.",
        "The {adj} parliament approved a further {money2} for the programme {when}.",
        "Officials in {c3} {say} they had seen no evidence of the transfers.",
        "{f} has a backlog of orders worth {money}, its chief executive {p2} {say}.",
    ],
};

const ENERGY: Beat = Beat {
    goods: &[
        ("crude oil", "tankers"),
        ("liquefied natural gas", "cargoes"),
        ("coal", "shipments"),
        ("diesel", "tankers"),
        ("uranium", "shipments"),
    ],
    units: &[
        "barrels per day",
        "tonnes",
        "cubic metres",
        "megawatts",
        "gigawatts",
    ],
    roles: &[
        "energy minister",
        "oil minister",
        "prime minister",
        "president",
        "grid operator chief",
    ],
    heads: &["Supply outlook", "Prices", "New capacity"],
    lead: &[
        "{C} pumped {qty} of {goods} {when}, {p}, the {adj} {role}, {say}.",
        "{C} agreed {when} to supply {qty} of {goods} to {c2} {future}, {f} {say}.",
        "{Adj} imports of {goods} from {c2} rose {pct} {when}, according to {body}.",
        "{f} will build a plant near {town} at a cost of {money2}, the company {say}.",
    ],
    body: &[
        "Output is expected to reach {qty} {future}, {p} {say}.",
        "{body} cut its demand forecast by {qty} {when}.",
        "{C} sent {n} {things} of {goods} to {c2} {since}, shipping data showed.",
        "\"The market is well supplied,\" {p2}, an analyst at {f2}, {say}.",
        "Prices rose {pct} to {money} {when} before easing.",
        "The pipeline from {town} to {c2} carries {qty} of {goods}.",
        "{C} earned {money} from sales of {goods} {when}, {pct} less than a year earlier.",
        "Storage in {c3} was {pct} full {when}, {p2} {say}.",
        "{f} said it would invest {money} in new wells {future}.",
    ],
};

const COMPANIES: Beat = Beat {
    goods: &[
        ("revenue", "jobs"),
        ("orders", "stores"),
        ("sales", "plants"),
        ("profit", "employees"),
    ],
    units: &["tonnes", "units"],
    roles: &["chief executive", "chief financial officer", "chairman", "founder", "head of operations"],
    heads: &["Outlook", "Costs", "Shares"],
    lead: &[
        "{f} reported {goods} of {money} {when}, up {pct} from a year earlier, its {role} {p} {say}.",
        "{f} agreed {when} to buy {f2} for {money2}, the companies {say}.",
        "{f} will cut {n} {things} in {c} {future}, {p}, its {role}, {say}.",
        "Shares of {f} fell {pct} {when} after the {town}-based company lowered its forecast.",
    ],
    body: &[
        "Net profit was {money}, against {money2} a year ago, {p} {say}.",
        "The company employs {n} people in {c} and {c2}.",
        "\"Demand in {c2} remains weak,\" {p} {say}.",
        "{f} expects {goods} of {money} {future}, below analysts' estimates of {money2}.",
        "The deal values {f2} at {money}, including debt, {p2} {say}.",
        "{f} opened {n} {things} in {c3} {since}.",
        "Regulators in {c2} must approve the purchase, which {f} expects to close {future}.",
        "Costs rose {pct} {when} as energy prices climbed, the company {say}.",
        "{p2}, an analyst at {f2}, {say} the target of {money} looked ambitious.",
    ],
};

const DIPLOMACY: Beat = Beat {
    goods: &[("aid", "delegations"), ("loans", "agreements"), ("investment", "projects")],
    units: &["tonnes"],
    roles: &["foreign minister", "president", "prime minister", "ambassador", "deputy foreign minister"],
    heads: &["Sanctions", "Talks", "Reaction"],
    lead: &[
        "{p}, {c}'s {role}, arrived in {c2} {when} for talks on {goods} worth {money}.",
        "{C} imposed sanctions on {n} {adj2} firms {when}, including {f}, the {adj} foreign ministry {say}.",
        "{C} and {c2} signed {n} {things} {when} during a visit by {p}, the {adj} {role}.",
        "{C} promised {money} in {goods} to {c2} {when}, {p} {say}.",
    ],
    body: &[
        "{p2}, {c2}'s {role2}, {say} the talks had been constructive.",
        "\"We expect concrete results {future},\" {p} {say}.",
        "The two countries have signed {n} {things} {since}.",
        "{C} is {c2}'s largest creditor, holding {pct} of its external debt of {money}.",
        "{body} welcomed the agreement {when}.",
        "The sanctions freeze assets of {f}, which {c} says earned {money} from sales to {c3}.",
        "{C} recalled its ambassador from {c3} {when}.",
        "Protesters gathered outside the {adj2} embassy in {town} {when}, police {say}.",
        "The visit is the first by a {adj} {role} to {c2} since {year}.",
    ],
};

const CONFLICT: Beat = Beat {
    goods: &[
        ("food aid", "trucks"),
        ("medical supplies", "flights"),
        ("humanitarian aid", "convoys"),
        ("fuel", "trucks"),
    ],
    units: &["tonnes", "tons", "kilometres", "kilometers"],
    roles: &[
        "defence minister",
        "interior minister",
        "regional governor",
        "army spokesman",
        "UN envoy",
    ],
    heads: &["Casualties", "Aid", "Front line"],
    lead: &[
        "At least {n} people were killed {when} in an attack on {town}, {p}, the {role}, {say}.",
        "{body} delivered {qty} of {goods} to {c} {since}, its officials {say}.",
        "{Adj} troops advanced {qty} near {town} {when}, {p} {say}.",
        "{C} deployed {n} troops to its border with {c2} {when}, the {adj} {role} {say}.",
    ],
    body: &[
        "{body} says {n} people have fled {town} {since}.",
        "{n} {things} carrying {goods} crossed from {c2} {when}.",
        "\"The situation is catastrophic,\" {p2}, the {role2}, {say}.",
        "{body} appealed for {money} to feed {n} people {future}.",
        "{C} denied that its forces had fired on {town}.",
        "The fighting has displaced {pct} of the region's population {since}.",
        "{c3} pledged {money} in {goods} {when}, {p2} {say}.",
        "A ceasefire agreed {when} collapsed within hours, residents {say}.",
    ],
};

pub(super) const BEATS: &[&Beat] = &[&TRADE, &ARMS, &ENERGY, &COMPANIES, &DIPLOMACY, &CONFLICT];

/// Sentences with no figure, which most of an article is: reaction, quotes, context.
pub(super) const NARRATIVE: &[&str] = &[
    "\"This is a decision we did not take lightly,\" {p} {say}.",
    "{p2} described the move as a serious mistake.",
    "The announcement came after weeks of talks in {town}.",
    "Critics in {c} say the government has moved too slowly.",
    "{C} has repeatedly denied the accusations.",
    "The talks are expected to resume after the holidays, a diplomat {say}.",
    "\"We will respond in kind,\" a spokesperson for the {adj2} foreign ministry {say}.",
    "Opposition leaders in {c2} called for an inquiry.",
    "{p} is due to meet {p2} later this month.",
    "The decision was welcomed by business groups in {c}.",
    "It was not immediately clear how the plan would be financed.",
    "Residents of {town} said they had heard nothing from the authorities.",
    "{f} said it was studying the decision and would comply with the law.",
    "Diplomats in {c3} said they were watching the situation closely.",
    "\"There is no alternative to dialogue,\" {p2} {say}.",
    "The ministry did not say when the measures would take effect.",
    "{p} spoke to reporters after a cabinet meeting in the capital.",
    "Relations between {c} and {c2} have been strained for years.",
    "Lawmakers are expected to debate the proposal next week.",
    "Some analysts questioned whether the targets were realistic.",
    "{f2} said its operations in {c2} were running normally.",
    "Neither side gave details of what was discussed.",
];

/// Sentences of background any beat may use.
pub(super) const BACKGROUND: &[&str] = &[
    "The {adj} economy grew {pct} {when}, according to {body}.",
    "{C} has been under pressure from {c2} to open its market {since}.",
    "Inflation in {c} slowed to {pct} {when}, the central bank {say}.",
    "{p} has held the post since {year}.",
    "The {adj} currency has lost {pct} of its value against the dollar {since}.",
    "Elections are due in {c2} {future}.",
    "{C} and {c3} have disputed the border near {town} for decades.",
    "A spokesperson for {f} declined to comment.",
    "{body} lent {c2} {money} in {year}.",
    "Unemployment in {c} stood at {pct} {when}.",
    "Neither government has published the terms of the agreement.",
    "{p2} did not respond to a request for comment.",
    "The figures could not be independently verified.",
    "Officials in {c2} have rejected similar claims in the past.",
];
