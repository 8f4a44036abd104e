//! Which words tell which PLOVER event? The trigger patterns, as data organised by category,
//! each with a sentence of its own that must yield it (checked by a test over the table).
//!
//! Sources: the PLOVER category definitions and modes (Open Event Data Alliance, PLOVER
//! manual, CC BY-SA) and the CAMEO verb classes they succeed, rewritten here as short word
//! patterns in this project's words; the example sentences are written for this table.
//!
//! A pattern is a head word and optional later words: `"sign treaty|pact"` is a form of "sign"
//! followed, within [`MAX_GAP`] words and no clause break, by "treaty" or "pact". The head is
//! given by its lemma and inflected by rule ("impose" -> "imposes", "imposed", "imposing");
//! irregular forms follow a colon (`"send:sent"`); a head starting with `=` is matched only as
//! written (`"=backed"`: "back" alone is mostly an adverb). Later words are matched as written,
//! lower case. Nouns are heads too ("sanctions", "visit"): their forms are the singular and a
//! plural by rule. When several patterns match at one word, the one with most words wins.

use sinew_types::{EventKind, PloverCategory};

use PloverCategory::*;

/// The most words allowed between two parts of a pattern ("lifted a night curfew": 2).
pub(super) const MAX_GAP: usize = 3;

/// How the category of a violent trigger is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Violence {
    /// The category as written.
    None,
    /// Conventional `FIGHT` when armed forces act, unconventional `ASSAULT` otherwise
    /// ("troops killed" vs "gunmen killed"), as PLOVER separates them.
    BySource,
}

/// Is the head a verb (inflected for tense) or a noun (singular and plural)?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pos {
    Verb,
    Noun,
}

/// One trigger pattern.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pattern {
    /// Head (lemma, irregular forms after `:`) then later words, `|` between alternatives.
    pub(super) words: &'static str,
    pub(super) pos: Pos,
    pub(super) category: PloverCategory,
    pub(super) mode: Option<&'static str>,
    pub(super) kind: Option<EventKind>,
    pub(super) violence: Violence,
    /// A sentence that must yield this pattern's event (read by the test over the table).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) example: &'static str,
}

const fn v(words: &'static str, category: PloverCategory, example: &'static str) -> Pattern {
    Pattern {
        words,
        pos: Pos::Verb,
        category,
        mode: None,
        kind: None,
        violence: Violence::None,
        example,
    }
}

const fn n(words: &'static str, category: PloverCategory, example: &'static str) -> Pattern {
    Pattern {
        pos: Pos::Noun,
        ..v(words, category, example)
    }
}

const fn mode(p: Pattern, mode: &'static str) -> Pattern {
    Pattern {
        mode: Some(mode),
        ..p
    }
}

const fn kind(p: Pattern, kind: EventKind) -> Pattern {
    Pattern {
        kind: Some(kind),
        ..p
    }
}

const fn violent(p: Pattern) -> Pattern {
    Pattern {
        violence: Violence::BySource,
        ..p
    }
}

/// Words for arms and munitions, the objects that make a transfer an arms transfer.
const ARMS: &str = "arms|weapons|munitions|ammunition|shells|missiles|rockets|drones|artillery|tanks|rifles|howitzers|warplanes|jets";

/// Every pattern. Kept in PLOVER's category order.
pub(super) const PATTERNS: &[Pattern] = &[
    // AGREE: agree, promise, offer, accept, allow.
    v("agree", Agree, "Chile agreed to hold talks with Bolivia."),
    v("reach:reached agreement|deal|accord|consensus|understanding", Agree, "Serbia and Croatia reached an agreement on refugees."),
    v("offer", Agree, "Germany offered help to Poland."),
    v("promise", Agree, "Italy promised more funds to Tunisia."),
    v("pledge", Agree, "Japan pledged support for Indonesia."),
    v("accept", Agree, "Finland accepted a proposal from Sweden."),
    v("allow", Agree, "Egypt will allow Sudanese traders to cross the border."),
    v("consent", Agree, "Kenya consented to mediation by Tanzania."),
    v("vow", Agree, "Chile vowed to cooperate with Peru."),
    v("=ready to", Agree, "Spain is ready to send doctors to Morocco."),
    v("=willing to", Agree, "Norway is willing to host talks for Colombia."),
    // CONSULT: meet, visit, host, telephone, talks, mediation.
    v("meet:met", Consult, "The Chinese foreign minister met Pakistan's prime minister on Monday."),
    kind(mode(v("visit", Consult, "Vladimir Putin visited Pyongyang in June."), "visit"), EventKind::StateVisit),
    kind(mode(n("visit", Consult, "The Indian president began a visit to Vietnam."), "visit"), EventKind::StateVisit),
    mode(v("arrive in", Consult, "The Kenyan president arrived in Kampala on Friday."), "visit"),
    mode(v("telephone", Consult, "The French president telephoned the Egyptian president on Tuesday."), "phone"),
    mode(v("phone", Consult, "The German chancellor phoned the Russian president."), "phone"),
    mode(n("phone call|conversation", Consult, "Xi Jinping held a phone call with the Brazilian president."), "phone"),
    mode(v("host", Consult, "Qatar hosted Iranian negotiators last week."), "host"),
    mode(n("welcome", Consult, "Kenya gave a state welcome to the Ethiopian prime minister."), "host"),
    mode(v("receive:received delegation|delegations|envoy|envoys|counterpart|minister|president|leader|visitors", Consult, "The Mongolian president received a delegation from Japan."), "host"),
    v("hold:held talks|meeting|summit|negotiations|consultations", Consult, "Russia and China held talks in Beijing."),
    n("talks", Consult, "Armenia and Azerbaijan resumed talks in Geneva."),
    n("negotiations", Consult, "Serbia and Kosovo opened negotiations in Brussels."),
    v("negotiate", Consult, "Ukraine negotiated with Poland over grain."),
    n("summit", Consult, "Vladimir Putin and Kim Jong Un held a summit in Vladivostok."),
    mode(v("mediate", Consult, "Qatar mediated between Israel and Hamas."), "multilateral"),
    mode(n("mediation", Consult, "Qatari mediation between Israel and Hamas resumed."), "multilateral"),
    v("discuss", Consult, "The Indian premier discussed trade with the Japanese premier."),
    // SUPPORT: praise, endorse, defend, apologise, recognise, sign formal agreements.
    v("praise", Support, "Egypt praised Saudi Arabia for its aid."),
    v("welcome", Support, "The Spanish government welcomed the Moroccan proposal."),
    v("endorse", Support, "Ghana endorsed Nigeria's candidate."),
    v("=backed|backs", Support, "Brazil backed Argentina in the dispute."),
    v("support", Support, "Spain supported Ukraine's bid."),
    v("defend", Support, "Cuba defended Venezuela at the United Nations."),
    v("apologize", Support, "Japan apologized to South Korea for the remarks."),
    v("apologise", Support, "Britain apologised to Ireland on Monday."),
    v("congratulate", Support, "India congratulated Sri Lanka on the election."),
    v("recognize", Support, "Sweden recognized Palestine in 2014."),
    v("recognise", Support, "Sweden recognised Palestine in 2014."),
    v("upgrade ties|relations", Support, "Vietnam and the United States upgraded their ties."),
    v("restore ties|relations", Support, "Saudi Arabia and Iran restored diplomatic relations."),
    v("establish ties|relations", Support, "Israel and Bahrain established diplomatic relations."),
    kind(v("sign treaty|pact|agreement|accord|deal|memorandum|declaration|partnership|contract", Support, "Russia and North Korea signed a treaty on mutual defence."), EventKind::TreatySigning),
    kind(n("=signing of", Support, "The signing of a defence pact between Armenia and India took place in Delhi."), EventKind::TreatySigning),
    kind(n("=treaty|pact|agreement|accord|deal|memorandum|treaties|pacts|agreements|accords|deals signed|ratified", Support, "The treaty signed by Armenia and India covers air defence."), EventKind::TreatySigning),
    kind(v("ratify", Support, "The Russian parliament ratified the treaty with North Korea."), EventKind::TreatySigning),
    // COOPERATE: economic, military and judicial cooperation.
    v("cooperate", Cooperate, "Thailand cooperated with Malaysia on border security."),
    v("collaborate", Cooperate, "France collaborated with Germany on the project."),
    v("work:worked,working with|alongside", Cooperate, "Kenyan police worked with Ugandan detectives on the case."),
    v("team:teamed up with", Cooperate, "Greek coastguards teamed up with Italian divers to search the wreck."),
    v("join:joined forces with", Cooperate, "Peruvian rebels joined forces with Bolivian smugglers."),
    v("share intelligence|information|expertise|data|technology", Cooperate, "Jordan shared intelligence with Egypt."),
    v("extradite", Cooperate, "Spain extradited a Russian hacker to the United States."),
    kind(v("export dual-use|components|microelectronics|chips|machine|electronics", Cooperate, "China exported dual-use components to Russia last year."), EventKind::DualUseExport),
    kind(n("dual-use", Cooperate, "Chinese firms sold dual-use goods to Russian buyers."), EventKind::DualUseExport),
    kind(v("settle trade|payments|transactions", Cooperate, "Russia and India settled trade in rupees."), EventKind::PaymentArrangement),
    kind(n("payment system|mechanism|channel|arrangement|scheme", Cooperate, "Russia and Iran launched a payment system linking their banks."), EventKind::PaymentArrangement),
    kind(n("currency swap", Cooperate, "China and Argentina renewed a currency swap."), EventKind::PaymentArrangement),
    // AID: material aid.
    n("aid", Aid, "Japan sent aid to Turkey after the earthquake."),
    n("assistance", Aid, "Canada provided assistance to Haiti."),
    v("donate", Aid, "Qatar donated ambulances to Gaza hospitals."),
    v("grant:granted asylum|aid|loan|loans|credit", Aid, "Ecuador granted asylum to a Swedish activist."),
    v("hand over", Aid, "Polish volunteers handed over blankets to Ukrainian refugees."),
    v("evacuate", Aid, "Indian planes evacuated Indian citizens from Sudan."),
    v("airlift", Aid, "The Indian air force airlifted food to Nepal."),
    kind(v("send:sent", Aid, "Iran sent weapons to Houthi rebels in Yemen."), EventKind::ArmsTransfer),
    kind(v("supply:supplied", Aid, "North Korea supplied artillery shells to Russia."), EventKind::ArmsTransfer),
    kind(v("deliver", Aid, "Iran delivered drones to Russia in 2022."), EventKind::ArmsTransfer),
    kind(v("ship:shipped,shipping", Aid, "Pyongyang shipped millions of shells to Moscow."), EventKind::ArmsTransfer),
    kind(v("transfer:transferred,transferring", Aid, "Belarus transferred tanks to Russia."), EventKind::ArmsTransfer),
    kind(v("provide", Aid, "Britain provided missiles to Ukraine."), EventKind::ArmsTransfer),
    // RETREAT: withdraw, release, demobilise, resign, compensate.
    v("withdraw:withdrew,withdrawn", Retreat, "Russia withdrew its troops from Georgia."),
    n("withdrawal", Retreat, "France announced the withdrawal of its troops from Niger."),
    v("pull out|back", Retreat, "Uganda pulled out of Congo."),
    n("pullback|pullout", Retreat, "Ethiopia completed a pullback from Eritrea."),
    v("release", Retreat, "Iran released two French citizens."),
    v("demobilize", Retreat, "Colombian guerrillas demobilized in 2017."),
    v("disarm", Retreat, "The Irish rebels disarmed in 2005."),
    v("resign", Retreat, "The Peruvian prime minister resigned on Friday."),
    v("step:stepped,stepping down", Retreat, "The Sudanese president stepped down in April."),
    v("declare ceasefire|truce|cease-fire", Retreat, "The Colombian rebels declared a truce with the Colombian army."),
    v("surrender", Retreat, "Russian soldiers surrendered to Ukrainian troops."),
    v("compensate", Retreat, "Germany compensated Namibian families for the killings."),
    v("pay:paid compensation|reparations|damages", Retreat, "Iraq paid compensation to Kuwaiti firms."),
    v("return:returned,returning territory|land|prisoners|detainees|hostages|bodies|remains|property|assets|weapons|aircraft|artefacts|artifacts", Retreat, "Britain returned looted artefacts to Nigeria."),
    // REQUEST: ask, appeal, urge.
    v("ask for|to", Request, "Lebanon asked France for help."),
    v("request", Request, "Mali requested help from Algeria."),
    n("request", Request, "Kenya made a request to Uganda for extradition."),
    v("appeal for|to", Request, "Somalia appealed to the United Nations for food."),
    v("urge", Request, "Japan urged China to release the crew."),
    v("call on|upon", Request, "Germany called on Turkey to free the journalists."),
    v("seek:sought", Request, "Egypt sought help from the IMF."),
    // ACCUSE: accuse, allege, blame.
    v("accuse", Accuse, "The Ethiopian government accused Eritrean troops of looting."),
    v("blame", Accuse, "Pakistan blamed India for the attack."),
    v("allege", Accuse, "Serbia alleged that Croatia had attacked its border."),
    // REJECT: reject, refuse, veto, oppose.
    v("reject", Reject, "Sweden rejected a Turkish request."),
    v("refuse", Reject, "The Hungarian government refused to sign the statement."),
    v("veto", Reject, "Russia vetoed a Security Council resolution on Syria."),
    v("oppose", Reject, "Greece opposed Turkish membership."),
    v("turn down", Reject, "Ecuador turned down a loan from Venezuela."),
    v("rebuff", Reject, "Hungary rebuffed an Austrian proposal."),
    v("deny:denied", Reject, "Turkish authorities denied permission to the Greek delegation."),
    v("boycott", Reject, "Ethiopia boycotted the summit hosted by Egypt."),
    // THREATEN: threaten, ultimatum.
    v("threaten", Threaten, "Russia threatened to cut gas supplies to Moldova."),
    n("threat", Threaten, "Russia made a threat against Finland."),
    n("ultimatum", Threaten, "Israel issued an ultimatum to Lebanon."),
    // "will not tolerate": only with its negator, which is part of the threat (`mod.rs`)
    v("tolerate", Threaten, "Egypt will no longer tolerate attacks by Sudanese militias."),
    v("warn of|against", Threaten, "Algeria warned of retaliation against Morocco."),
    // PROTEST: demonstrate, rally, strike, riot, block.
    v("protest", Protest, "Kenyans protested against the Kenyan finance bill."),
    n("protest", Protest, "Nepali students staged a protest against the Indian embassy."),
    mode(v("demonstrate", Protest, "Kurdish refugees demonstrated against Sweden."), "demo"),
    mode(n("demonstration", Protest, "Algerian students held a demonstration against the government."), "demo"),
    mode(n("rally", Protest, "Fatah supporters staged rallies against Mahmoud Abbas."), "demo"),
    mode(v("rally", Protest, "Georgian opposition supporters rallied against the Georgian government."), "demo"),
    mode(n("hunger strike", Protest, "Palestinian prisoners began a hunger strike in Israeli jails."), "strike-hun"),
    mode(n("general strike", Protest, "French unions held a general strike against the pension reform."), "strike-gen"),
    mode(v("go:went,gone on strike", Protest, "Zimbabwean doctors went on strike against the Zimbabwean government."), "strike-gen"),
    mode(v("march against|through|in|on|to", Protest, "Chilean students marched through Santiago against the reform."), "demo"),
    mode(v("riot", Protest, "Chilean students rioted in Santiago."), "riot"),
    mode(v("block road|roads|streets|highway|highways|traffic", Protest, "Bolivian farmers blocked roads to the capital."), "obstruct"),
    mode(n("sit-in", Protest, "Iraqi students held a sit-in against the American embassy."), "obstruct"),
    // SANCTION: sanctions, embargoes, cut ties, expel diplomats, suspend aid.
    kind(v("sanction", Sanction, "Washington sanctioned Chinese firms on Friday."), EventKind::SanctionsDesignation),
    kind(n("sanction", Sanction, "The European Union imposed sanctions on Iranian banks."), EventKind::SanctionsDesignation),
    kind(n("embargo", Sanction, "Canada imposed an embargo on Libya."), EventKind::SanctionsDesignation),
    kind(v("blacklist", Sanction, "The Treasury blacklisted Russian banks."), EventKind::SanctionsDesignation),
    kind(v("designate", Sanction, "The State Department designated Iranian entities for sanctions."), EventKind::SanctionsDesignation),
    kind(v("freeze:froze,frozen assets|funds", Sanction, "Switzerland froze assets of Russian oligarchs."), EventKind::SanctionsDesignation),
    v("expel:expelled,expelling diplomats|ambassador|envoy|envoys", Sanction, "Poland expelled Russian diplomats on Friday."),
    v("cut:cutting ties|relations|aid|off", Sanction, "Morocco cut ties with Iran in 2018."),
    v("sever ties|relations|links", Sanction, "Morocco severed ties with Iran."),
    v("suspend aid|talks|cooperation|flights|relations|imports|exports", Sanction, "Sweden suspended aid to Zimbabwe."),
    v("halt aid|imports|exports|supplies|deliveries|flights|mediation|talks|negotiations|cooperation|contacts", Sanction, "Germany halted aid to Niger."),
    v("recall ambassador|envoy", Sanction, "Peru recalled its ambassador from Mexico."),
    v("cancel:cancelled,canceled,cancelling visit|trip|talks|meeting", Sanction, "The Chinese premier cancelled a trip to Australia."),
    v("prohibit aid|imports|exports|sales", Sanction, "Canada prohibited arms exports to Turkey."),
    v("reduce aid|funding|assistance|supplies|deliveries|rations", Sanction, "Britain reduced aid to Rwanda."),
    v("close border|borders|embassy|consulate|airspace", Sanction, "Pakistan closed its border with Afghanistan."),
    v("impose restrictions|tariffs|duties|quotas|controls|levies", Sanction, "The American government imposed tariffs on Chinese steel."),
    kind(v("hit:hit,hitting with sanctions|bans|ban|tariffs|penalties|embargo|freeze", Sanction, "Canada hit Iranian officials with travel bans."), EventKind::SanctionsDesignation),
    kind(v("slap sanctions|bans|ban|tariffs|penalties|embargo", Sanction, "Australia slapped sanctions on Russian oligarchs."), EventKind::SanctionsDesignation),
    // MOBILIZE: deploy, reinforce, alert, exercise, test weapons.
    kind(mode(v("deploy", Mobilize, "Russia deployed troops to Belarus."), "troops"), EventKind::TroopDeployment),
    kind(mode(n("deployment", Mobilize, "NATO announced a deployment of troops to Lithuania."), "troops"), EventKind::TroopDeployment),
    kind(mode(v("station troops|soldiers|forces|missiles", Mobilize, "The United States stationed troops in Poland."), "troops"), EventKind::TroopDeployment),
    kind(mode(v("dispatch troops|soldiers|forces|warships", Mobilize, "China dispatched warships to the Philippine coast."), "troops"), EventKind::TroopDeployment),
    mode(v("reinforce", Mobilize, "India reinforced its troops along the Chinese border."), "troops"),
    mode(v("strengthen forces|troops|presence", Mobilize, "Poland strengthened its presence on the Belarusian border."), "troops"),
    mode(v("mobilize|mobilise reservists|reserves|troops|forces|army|soldiers|units|militia|militias|conscripts|men|military", Mobilize, "Armenia mobilized reservists against Azerbaijan."), "troops"),
    mode(n("mobilization|mobilisation", Mobilize, "Russia announced a partial mobilization against Ukraine."), "troops"),
    mode(n("alert", Mobilize, "South Korean forces were put on high alert against North Korea."), "troops"),
    kind(n("exercise", Mobilize, "Russia and China held joint naval exercises in the Pacific."), EventKind::MilitaryExercise),
    kind(n("drill", Mobilize, "Taiwanese forces held drills near China."), EventKind::MilitaryExercise),
    kind(n("war games", Mobilize, "India and France held war games near Pakistan."), EventKind::MilitaryExercise),
    kind(v("test missile|missiles|rocket|rockets|weapon|weapons|bomb|device|icbm|warhead", Mobilize, "North Korea tested a missile near Japan."), EventKind::WeaponsTest),
    kind(v("test-fire:test-fired", Mobilize, "North Korea test-fired a ballistic missile toward Japan."), EventKind::WeaponsTest),
    kind(n("missile test|tests|launch|launches", Mobilize, "North Korea conducted a missile test near South Korea."), EventKind::WeaponsTest),
    kind(n("nuclear test|tests", Mobilize, "North Korea carried out a nuclear test in 2017."), EventKind::WeaponsTest),
    // COERCE: arrest, ban, deport, confiscate, destroy, curfew, martial law.
    mode(v("arrest", Coerce, "Russian police arrested hundreds of Russian protesters."), "arrest"),
    mode(v("detain", Coerce, "Iranian authorities detained a British citizen."), "arrest"),
    mode(v("jail", Coerce, "Iranian courts jailed a French researcher."), "arrest"),
    mode(v("imprison", Coerce, "Belarus imprisoned Polish activists."), "arrest"),
    mode(v("ban:banned,banning", Coerce, "Pakistani authorities banned Pakistani opposition rallies."), "ban"),
    mode(v("outlaw", Coerce, "The German government outlawed a neo-Nazi group."), "ban"),
    mode(v("deport", Coerce, "Algerian authorities deported Nigerien migrants."), "deport"),
    mode(v("expel:expelled,expelling", Coerce, "Uganda expelled Asian traders in 1972."), "deport"),
    mode(v("confiscate", Coerce, "Mexican soldiers confiscated weapons from Mexican cartels."), "confiscate"),
    mode(v("seize", Coerce, "Iranian forces seized a British tanker."), "confiscate"),
    mode(v("set:setting fire", Coerce, "Rioters set fire to the Swedish embassy in Baghdad."), "destroy"),
    mode(v("demolish", Coerce, "Israeli forces demolished Palestinian homes."), "destroy"),
    mode(v("deface", Coerce, "Turkish hackers defaced French government websites."), "destroy"),
    mode(v("vandalize|vandalise", Coerce, "Serbian nationalists vandalized the Croatian consulate."), "destroy"),
    mode(v("ransack", Coerce, "Rioters ransacked the Danish embassy in Damascus."), "destroy"),
    mode(n("curfew", Coerce, "The Haitian army imposed a curfew on Haiti."), "curfew"),
    mode(n("martial law", Coerce, "The Thai army declared martial law in Thailand."), "martial-law"),
    mode(n("state siege|emergency", Coerce, "The Peruvian government declared a state of emergency in Lima."), "martial-law"),
    mode(v("prevent", Coerce, "Belarusian police prevented a march by Belarusian women."), "restrict"),
    mode(n("blockade", Coerce, "Azerbaijan imposed a blockade on Armenian villages."), "restrict"),
    mode(v("disperse", Coerce, "Kenyan police dispersed Kenyan protesters."), "restrict"),
    mode(v("fire tear|teargas|rubber|water", Coerce, "Chilean police fired tear gas at Chilean students."), "restrict"),
    mode(v("crack down", Coerce, "Chinese authorities cracked down on Uighur activists."), "restrict"),
    mode(n("crackdown", Coerce, "Russian authorities launched a crackdown on Russian journalists."), "restrict"),
    mode(v("censor", Coerce, "Iranian authorities censored British websites."), "censor"),
    // ASSAULT: bombings, assassinations, abductions, torture (and violence by non-state actors).
    mode(n("car bomb", Assault, "A car bomb exploded near the Iraqi ministry."), "explosives"),
    mode(n("suicide bomber|bombers|bombing|attack", Assault, "A suicide bomber attacked a Pakistani police station."), "suicide-attack"),
    mode(v("assassinate", Assault, "Iraqi gunmen assassinated a Kurdish governor."), "assassinate"),
    mode(n("assassination", Assault, "Serbian nationalists plotted the assassination of the Croatian president."), "assassinate"),
    mode(v("kidnap:kidnapped,kidnapping", Assault, "Nigerian gunmen kidnapped Chinese workers."), "abduct"),
    mode(v("abduct", Assault, "Somali pirates abducted German sailors."), "abduct"),
    mode(v("torture", Assault, "Syrian police tortured Lebanese detainees."), "torture"),
    mode(n("torture", Assault, "Amnesty reported torture of Syrian detainees."), "torture"),
    mode(v("=sexually abused|assaulted|abusing|assaulting", Assault, "Soldiers sexually assaulted Congolese villagers."), "sexual"),
    mode(v("explode bomb|bombs|device|devices", Assault, "Militants exploded a bomb in Quetta."), "explosives"),
    mode(v("blow:blew,blown up", Assault, "Chechen rebels blew up a Russian train."), "explosives"),
    mode(v("massacre", Assault, "Serbian paramilitaries massacred Bosnian civilians."), "violence"),
    violent(v("kill", Fight, "Myanmar troops killed twelve Rohingya villagers.")),
    violent(v("attack", Fight, "Russian troops attacked Ukrainian positions.")),
    violent(n("attack", Fight, "Yemeni rebels launched an attack on Saudi Arabia.")),
    violent(v("shoot:shot", Fight, "Israeli soldiers shot Palestinian protesters.")),
    mode(violent(v("bomb", Fight, "American aircraft bombed Iraqi positions.")), "explosives"),
    // FIGHT: conventional fighting.
    v("fight:fought", Fight, "Armenian troops fought Azerbaijani forces."),
    v("clash", Fight, "Indian troops clashed with Chinese troops in Ladakh."),
    n("clash", Fight, "Fierce clashes between Indian and Chinese troops were reported."),
    mode(v("shell", Fight, "Russian artillery shelled Kharkiv on Sunday."), "heavy-weapons"),
    mode(n("airstrike", Fight, "Saudi warplanes carried out airstrikes on Yemen."), "heavy-weapons"),
    mode(n("air strike|strikes", Fight, "Israeli air strikes hit Gaza."), "heavy-weapons"),
    mode(v("fire artillery|rockets|missiles|mortars|shells", Fight, "Syrian forces fired rockets at Turkey."), "heavy-weapons"),
    mode(v("launch artillery|offensive|rockets|strikes|missiles|airstrikes", Fight, "Turkish forces launched an offensive against Kurdish fighters."), "heavy-weapons"),
    mode(v("open fire", Fight, "Indian police opened fire on Kashmiri protesters."), "firearms"),
    v("capture", Fight, "Ethiopian troops captured a Tigrayan town."),
    v("invade", Fight, "Iraq invaded Kuwait in 1990."),
    n("invasion", Fight, "The Soviet invasion of Afghanistan began in 1979."),
    v("occupy", Fight, "Turkish troops occupied northern Cyprus."),
    n("ethnic cleansing", Fight, "Ethnic cleansing of Rohingya villagers by Myanmar troops continued."),
    v("violate ceasefire|truce|cease-fire", Fight, "Both armies violated the ceasefire agreement."),
    // DEMAND: demand, insist, press.
    v("demand", Demand, "Ukrainian officials demanded that Hungary lift its veto."),
    n("demand", Demand, "Korean doctors pressed their demands on the Korean government."),
    v("insist", Demand, "Armenia insisted that Azerbaijan must withdraw."),
    v("call for", Demand, "Senegal called for a ceasefire in Sudan."),
    v("press for", Demand, "Kenya pressed for debt relief from China."),
    v("push for", Demand, "Ghana pushed for a new vote at the African Union."),
    v("pressure", Demand, "China pressured Nepal to drop the project."),
    // DISAPPROVE: criticise, condemn, denounce, complain, indict.
    v("criticize", Disapprove, "Egypt criticized Israel over the raids."),
    v("criticise", Disapprove, "Egypt criticised Israel over the raids."),
    v("condemn", Disapprove, "France condemned Syrian attacks on Lebanon."),
    v("denounce", Disapprove, "Poland denounced Belarusian border provocations."),
    v("protest to|that", Disapprove, "Japan protested to China over the Chinese survey ship."),
    v("complain", Disapprove, "Guyana complained to the United Nations about Venezuelan threats."),
    n("complaint", Disapprove, "Lebanon lodged a complaint against Israel."),
    v("indict", Disapprove, "The International Criminal Court indicted the Sudanese president."),
    v("charge with", Disapprove, "Thai prosecutors charged the Cambodian activist with treason."),
    v("slam:slammed,slamming", Disapprove, "China slammed Japan for the visit."),
    v("rebuke", Disapprove, "Brazil rebuked Argentina over trade."),
    // CONCEDE: lift or ease restrictions, call off protests, give in.
    v("lift sanctions|curfew|embargo|embargoes|ban|restrictions|blockade|siege|state", Concede, "Bangladesh lifted a curfew in Dhaka."),
    v("ease sanctions|curfew|restrictions|measures|emergency|blockade", Concede, "Sri Lanka eased restrictions on Indian imports."),
    v("call off", Concede, "Kenyan doctors called off their strike."),
    v("concede", Concede, "The Thai government conceded to demands from Thai farmers."),
    v("give:gave,given in", Concede, "Chile gave in to demands from Bolivia."),
    v("back down", Concede, "Greece backed down in its dispute with Turkey."),
    v("cancel:cancelled,canceled,cancelling restrictions|ban|sanctions|curfew|tariffs", Concede, "The Latvian government cancelled restrictions on Russian broadcasts."),
    v("scrap:scrapped,scrapping restrictions|ban|sanctions|curfew|tariffs", Concede, "India scrapped tariffs on American almonds."),
    v("repeal restrictions|ban|sanctions|law|decree|tariffs", Concede, "The Ugandan parliament repealed the ban on opposition rallies."),
    v("pardon", Concede, "The Egyptian president pardoned Islamist prisoners."),
    // INVESTIGATE: investigate, probe, inspect, send inspectors or observers.
    v("investigate", Investigate, "Ukraine is investigating war crimes by Russian soldiers."),
    n("investigation", Investigate, "Brazilian prosecutors opened an investigation into Brazilian officials."),
    n("inquiry", Investigate, "Britain opened an inquiry into Iraqi deaths."),
    v("probe", Investigate, "Indian police probed the Pakistani network."),
    n("probe", Investigate, "Germany launched a probe into Russian spies."),
    v("inspect", Investigate, "The IAEA inspected Iranian sites."),
    v("send:sent|dispatch|deploy inspectors|observers|investigators|monitors|experts", Investigate, "The IAEA sent inspectors to the Ukrainian plant."),
];

/// Does the pattern's object list name arms ([`ARMS`])? Supply verbs make an arms transfer
/// only when arms follow them.
pub(super) fn is_arms_word(w: &str) -> bool {
    ARMS.split('|').any(|a| a == w)
}
