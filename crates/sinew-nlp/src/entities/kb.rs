//! The knowledge base: which named things does Sinew know, under which names, for which
//! country and sector, and who held which office when?
//!
//! The facts live as tab-separated data under `crates/sinew-nlp/kb/` (format in its
//! `README.md`), compiled into the binary, so linking needs no file and no network. Every file
//! names its columns in a header line; a row is checked against it. [`load`] parses and checks
//! everything (unknown columns, duplicate ids, unknown countries or people, bad dates,
//! overlapping terms of one office) and names the file and line of the first problem; tests run
//! it, so a bad edit to the data fails `cargo test` rather than a user's run.
//!
//! An entity's id is `type:slug(canonical)` (`country:north-korea`), the shape stored data and
//! analysis keys already use, so ids are derived, never written.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use chrono::NaiveDate;
use sinew_types::{EntityType, Sector};

use super::Role;

/// The data files, by name, as compiled in. `countries.tsv` comes first: the others name its
/// countries.
const FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../kb/countries.tsv")),
    ("places.tsv", include_str!("../../kb/places.tsv")),
    ("orgs.tsv", include_str!("../../kb/orgs.tsv")),
    ("government.tsv", include_str!("../../kb/government.tsv")),
    ("companies.tsv", include_str!("../../kb/companies.tsv")),
    ("research.tsv", include_str!("../../kb/research.tsv")),
    ("media.tsv", include_str!("../../kb/media.tsv")),
    ("people.tsv", include_str!("../../kb/people.tsv")),
    ("agreements.tsv", include_str!("../../kb/agreements.tsv")),
    ("things.tsv", include_str!("../../kb/things.tsv")),
    ("roles.tsv", include_str!("../../kb/roles.tsv")),
];

const COUNTRY_COLUMNS: &[&str] = &[
    "cues",
    "canonical",
    "iso2",
    "iso3",
    "adjective",
    "names",
    "demonyms",
    "seats",
    "native",
    "leader",
    "sovereign",
    "also_person",
];
const ENTITY_COLUMNS: &[&str] = &[
    "type",
    "canonical",
    "country",
    "sector",
    "names",
    "native",
    "cues",
    "also_person",
];
const ROLE_COLUMNS: &[&str] = &["country", "office", "person", "start", "end"];

/// An office whose holder a role phrase names ("Russia's defence minister").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Office {
    President,
    PrimeMinister,
    /// The paramount leader where it is neither title ("supreme leader" of Iran).
    Leader,
    ForeignMinister,
    DefenceMinister,
}

impl Office {
    fn parse(s: &str) -> Option<Office> {
        Some(match s {
            "president" => Office::President,
            "prime_minister" => Office::PrimeMinister,
            "leader" => Office::Leader,
            "foreign_minister" => Office::ForeignMinister,
            "defence_minister" => Office::DefenceMinister,
            _ => return None,
        })
    }
}

/// One named thing.
#[derive(Debug)]
pub(crate) struct Entity {
    pub(crate) id: String,
    pub(crate) ty: EntityType,
    pub(crate) canonical: String,
    pub(crate) country: Option<String>,
    pub(crate) sector: Option<Sector>,
    /// Surface forms with what they are (a country's name, demonym or seat; `Plain` else).
    pub(crate) names: Vec<(String, Role)>,
    /// Words whose presence in a document argues for this entity over a namesake.
    pub(crate) cues: Vec<String>,
    /// Surfaces that are also people's names ("Jordan", "Chad", "Washington").
    pub(crate) also_person: Vec<String>,
}

/// What the KB knows of a country beyond its names.
#[derive(Debug)]
pub(crate) struct Country {
    pub(crate) iso2: String,
    pub(crate) iso3: String,
    /// The adjective its bodies are named with ("Russian", "US").
    pub(crate) adjective: String,
    /// Does "the leader" of this country mean its prime minister (parliamentary systems)?
    pub(crate) government_leads: bool,
}

/// A person's term in an office; `end` is the first day out of office, `None` while in it.
#[derive(Debug)]
pub(crate) struct Term {
    pub(crate) country: String,
    pub(crate) office: Office,
    /// Index of the person in [`Kb::entities`].
    pub(crate) person: usize,
    pub(crate) start: NaiveDate,
    pub(crate) end: Option<NaiveDate>,
}

/// The whole knowledge base.
#[derive(Debug, Default)]
pub(crate) struct Kb {
    pub(crate) entities: Vec<Entity>,
    /// Country canonical name -> what else is known of it.
    pub(crate) countries: HashMap<String, Country>,
    pub(crate) terms: Vec<Term>,
    by_id: HashMap<String, usize>,
}

/// Why the knowledge base does not load: the file, the line, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KbError {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) problem: Problem,
}

/// What is wrong with a line of a KB file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    NoHeader,
    UnknownColumn(String),
    MissingColumn(&'static str),
    TooManyFields { want: usize, got: usize },
    Empty(&'static str),
    BadType(String),
    BadSector(String),
    BadCode(String),
    BadOffice(String),
    BadDate(String),
    EndBeforeStart,
    DuplicateId(String),
    UnknownCountry(String),
    UnknownPerson(String),
    Overlap(String),
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "kb/{} line {}: ", self.file, self.line)?;
        match &self.problem {
            Problem::NoHeader => write!(f, "no header line naming the columns"),
            Problem::UnknownColumn(c) => write!(f, "unknown column {c:?}"),
            Problem::MissingColumn(c) => write!(f, "missing column {c:?}"),
            Problem::TooManyFields { want, got } => {
                write!(f, "{got} fields for {want} columns")
            }
            Problem::Empty(c) => write!(f, "empty {c}"),
            Problem::BadType(t) => write!(f, "unknown entity type {t:?}"),
            Problem::BadSector(s) => write!(f, "unknown sector {s:?}"),
            Problem::BadCode(s) => write!(f, "bad ISO code {s:?}"),
            Problem::BadOffice(s) => write!(f, "unknown office {s:?}"),
            Problem::BadDate(s) => write!(f, "bad date {s:?} (want YYYY-MM-DD)"),
            Problem::EndBeforeStart => write!(f, "term ends before it starts"),
            Problem::DuplicateId(id) => write!(f, "duplicate id {id}"),
            Problem::UnknownCountry(c) => write!(f, "unknown country {c:?}"),
            Problem::UnknownPerson(p) => write!(f, "unknown person {p:?}"),
            Problem::Overlap(p) => write!(f, "term overlaps an earlier one of {p}"),
        }
    }
}

impl std::error::Error for KbError {}

/// The knowledge base compiled into the binary. The data is checked by tests, so a failure
/// here is a build that skipped them.
pub(crate) static KB: LazyLock<Kb> =
    LazyLock::new(|| load(FILES).unwrap_or_else(|e| panic!("the knowledge base is invalid: {e}")));

/// The entity type written in a KB file: the export names (`country`, `armed_force`, ...).
pub(crate) fn entity_type(s: &str) -> Option<EntityType> {
    EntityType::parse(s)
}

/// The sector an entity of this type acts for when its row names none.
fn default_sector(ty: EntityType) -> Option<Sector> {
    Some(match ty {
        EntityType::InternationalOrg => Sector::International,
        EntityType::GovernmentBody => Sector::Government,
        EntityType::ArmedForce => Sector::Military,
        EntityType::Company | EntityType::StateEnterprise => Sector::Business,
        EntityType::Media => Sector::Media,
        EntityType::ThinkTank => Sector::CivilSociety,
        _ => return None,
    })
}

/// Lower-case words joined by hyphens: "North Korea" -> "north-korea".
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch.is_alphanumeric() || ch == '+' {
            out.extend(ch.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// One file's rows as column name -> field, with line numbers.
struct Table<'a> {
    file: &'a str,
    rows: Vec<(usize, HashMap<&'a str, &'a str>)>,
}

fn table<'a>(file: &'a str, data: &'a str, known: &[&str]) -> Result<Table<'a>, KbError> {
    let err = |line, problem| KbError {
        file: file.to_string(),
        line,
        problem,
    };
    let mut lines = data
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (head_line, head) = lines.next().ok_or_else(|| err(1, Problem::NoHeader))?;
    let columns: Vec<&str> = head.split('\t').map(str::trim).collect();
    for c in &columns {
        if !known.contains(c) {
            return Err(err(head_line, Problem::UnknownColumn(c.to_string())));
        }
    }
    let mut rows = Vec::new();
    for (n, l) in lines {
        let fields: Vec<&str> = l.split('\t').collect();
        if fields.len() > columns.len() {
            return Err(err(
                n,
                Problem::TooManyFields {
                    want: columns.len(),
                    got: fields.len(),
                },
            ));
        }
        let row = columns
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, fields.get(i).map_or("", |f| f.trim())))
            .collect();
        rows.push((n, row));
    }
    Ok(Table { file, rows })
}

fn need<'a>(
    t: &Table<'_>,
    line: usize,
    row: &HashMap<&str, &'a str>,
    col: &'static str,
) -> Result<&'a str, KbError> {
    match row.get(col) {
        None => Err(t.err(line, Problem::MissingColumn(col))),
        Some(&"") => Err(t.err(line, Problem::Empty(col))),
        Some(v) => Ok(v),
    }
}

impl Table<'_> {
    fn err(&self, line: usize, problem: Problem) -> KbError {
        KbError {
            file: self.file.to_string(),
            line,
            problem,
        }
    }
}

fn date(t: &Table<'_>, line: usize, s: &str) -> Result<NaiveDate, KbError> {
    let ok_shape = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| ok_shape)
        .ok_or_else(|| t.err(line, Problem::BadDate(s.to_string())))
}

/// Parses and checks the given files (name, contents): see the module doc.
pub(crate) fn load(files: &[(&str, &str)]) -> Result<Kb, KbError> {
    let mut kb = Kb::default();
    let mut pending_roles = Vec::new();
    let mut pending_countries = Vec::new();
    for &(name, data) in files {
        if name == "roles.tsv" {
            pending_roles.push(table(name, data, ROLE_COLUMNS)?);
        } else if name == "countries.tsv" {
            let t = table(name, data, COUNTRY_COLUMNS)?;
            countries(&mut kb, &t)?;
            pending_countries.push(t);
        } else {
            let t = table(name, data, ENTITY_COLUMNS)?;
            entities(&mut kb, &t)?;
        }
    }
    for t in &pending_countries {
        for (line, row) in &t.rows {
            let sovereign = row.get("sovereign").copied().unwrap_or("");
            if !sovereign.is_empty() && !kb.countries.contains_key(sovereign) {
                return Err(t.err(*line, Problem::UnknownCountry(sovereign.to_string())));
            }
        }
    }
    for t in &pending_roles {
        roles(&mut kb, t)?;
    }
    Ok(kb)
}

fn push(kb: &mut Kb, t: &Table<'_>, line: usize, e: Entity) -> Result<(), KbError> {
    if kb.by_id.contains_key(&e.id) {
        return Err(t.err(line, Problem::DuplicateId(e.id)));
    }
    kb.by_id.insert(e.id.clone(), kb.entities.len());
    kb.entities.push(e);
    Ok(())
}

fn countries(kb: &mut Kb, t: &Table<'_>) -> Result<(), KbError> {
    let mut codes = HashSet::new();
    for (line, row) in &t.rows {
        let line = *line;
        let canonical = need(t, line, row, "canonical")?;
        let iso2 = need(t, line, row, "iso2")?;
        let iso3 = need(t, line, row, "iso3")?;
        for (code, len) in [(iso2, 2), (iso3, 3)] {
            let upper = code.chars().all(|c| c.is_ascii_uppercase());
            if code.len() != len || !upper || !codes.insert(code) {
                return Err(t.err(line, Problem::BadCode(code.to_string())));
            }
        }
        let get = |c: &str| row.get(c).copied().unwrap_or("");
        let mut names = Vec::new();
        for (col, role) in [
            ("names", Role::Name),
            ("native", Role::Name),
            ("demonyms", Role::Demonym),
            ("seats", Role::Seat),
        ] {
            names.extend(list(get(col)).into_iter().map(|s| (s, role)));
        }
        let leader = get("leader");
        if !matches!(leader, "" | "state" | "government") {
            return Err(t.err(line, Problem::BadOffice(leader.to_string())));
        }
        kb.countries.insert(
            canonical.to_string(),
            Country {
                iso2: iso2.to_string(),
                iso3: iso3.to_string(),
                adjective: get("adjective").to_string(),
                government_leads: leader == "government",
            },
        );
        let e = Entity {
            id: format!("country:{}", slug(canonical)),
            ty: EntityType::Country,
            canonical: canonical.to_string(),
            country: Some(canonical.to_string()),
            sector: None,
            names,
            cues: list(get("cues")),
            also_person: list(get("also_person")),
        };
        push(kb, t, line, e)?;
    }
    Ok(())
}

fn entities(kb: &mut Kb, t: &Table<'_>) -> Result<(), KbError> {
    for (line, row) in &t.rows {
        let line = *line;
        let ty_name = need(t, line, row, "type")?;
        let ty = entity_type(ty_name)
            .filter(|ty| *ty != EntityType::Country)
            .ok_or_else(|| t.err(line, Problem::BadType(ty_name.to_string())))?;
        let canonical = need(t, line, row, "canonical")?;
        let get = |c: &str| row.get(c).copied().unwrap_or("");
        let country = get("country");
        if !country.is_empty() && !kb.countries.contains_key(country) {
            return Err(t.err(line, Problem::UnknownCountry(country.to_string())));
        }
        let sector = match get("sector") {
            "" => default_sector(ty),
            s => Some(Sector::parse(s).ok_or_else(|| t.err(line, Problem::BadSector(s.into())))?),
        };
        let mut names: Vec<(String, Role)> = list(get("names"))
            .into_iter()
            .chain(list(get("native")))
            .map(|s| (s, Role::Plain))
            .collect();
        if names.is_empty() {
            return Err(t.err(line, Problem::Empty("names")));
        }
        names.dedup();
        let e = Entity {
            id: format!("{}:{}", ty.as_str(), slug(canonical)),
            ty,
            canonical: canonical.to_string(),
            country: (!country.is_empty()).then(|| country.to_string()),
            sector,
            names,
            cues: list(get("cues")),
            also_person: list(get("also_person")),
        };
        push(kb, t, line, e)?;
    }
    Ok(())
}

fn roles(kb: &mut Kb, t: &Table<'_>) -> Result<(), KbError> {
    let mut person_by_name: HashMap<&str, usize> = HashMap::new();
    for (i, e) in kb.entities.iter().enumerate() {
        if e.ty == EntityType::Person {
            person_by_name.insert(e.canonical.as_str(), i);
        }
    }
    let mut terms = Vec::new();
    for (line, row) in &t.rows {
        let line = *line;
        let country = need(t, line, row, "country")?;
        if !kb.countries.contains_key(country) {
            return Err(t.err(line, Problem::UnknownCountry(country.to_string())));
        }
        let office_name = need(t, line, row, "office")?;
        let office = Office::parse(office_name)
            .ok_or_else(|| t.err(line, Problem::BadOffice(office_name.to_string())))?;
        let person = need(t, line, row, "person")?;
        let &idx = person_by_name
            .get(person)
            .ok_or_else(|| t.err(line, Problem::UnknownPerson(person.to_string())))?;
        let start = date(t, line, need(t, line, row, "start")?)?;
        let end = match row.get("end").copied().unwrap_or("") {
            "" => None,
            s => Some(date(t, line, s)?),
        };
        if end.is_some_and(|e| e < start) {
            return Err(t.err(line, Problem::EndBeforeStart));
        }
        let overlaps = terms.iter().any(|o: &Term| {
            o.country == country
                && o.office == office
                && o.end.is_none_or(|oe| start < oe)
                && end.is_none_or(|e| o.start < e)
        });
        if overlaps {
            return Err(t.err(
                line,
                Problem::Overlap(format!("{office_name} of {country}")),
            ));
        }
        terms.push(Term {
            country: country.to_string(),
            office,
            person: idx,
            start,
            end,
        });
    }
    // A person who holds an office acts for the government of its country.
    for term in &terms {
        let e = &mut kb.entities[term.person];
        e.sector.get_or_insert(Sector::Government);
        e.country.get_or_insert_with(|| term.country.clone());
    }
    kb.terms.extend(terms);
    Ok(())
}

impl Kb {
    /// The entity with this id (`country:china`).
    pub(crate) fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The entity's position in the KB, data order: earlier is the default reading of a
    /// shared name.
    pub(crate) fn rank(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Who held `office` in `country` on `day`.
    pub(crate) fn holder(&self, country: &str, office: Office, day: NaiveDate) -> Option<&Entity> {
        let office = match office {
            Office::Leader if !self.has_office(country, Office::Leader) => {
                match self.countries.get(country) {
                    Some(c) if c.government_leads => Office::PrimeMinister,
                    _ => Office::President,
                }
            }
            o => o,
        };
        self.terms
            .iter()
            .find(|t| {
                t.country == country
                    && t.office == office
                    && t.start <= day
                    && t.end.is_none_or(|e| day < e)
            })
            .map(|t| &self.entities[t.person])
    }

    fn has_office(&self, country: &str, office: Office) -> bool {
        self.terms
            .iter()
            .any(|t| t.country == country && t.office == office)
    }

    /// Office holders on `day` whose canonical name contains the word `surname`, with the
    /// office: "Premier Li" in 2024 is Li Qiang.
    pub(crate) fn holders_named<'a>(
        &'a self,
        surname: &'a str,
        day: NaiveDate,
    ) -> impl Iterator<Item = (&'a Term, &'a Entity)> {
        self.terms
            .iter()
            .filter(move |t| t.start <= day && t.end.is_none_or(|e| day < e))
            .map(|t| (t, &self.entities[t.person]))
            .filter(move |(_, e)| e.canonical.split([' ', '-']).any(|w| w == surname))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, data: &str) -> Result<Kb, KbError> {
        let countries = "canonical\tiso2\tiso3\tnames\nRussia\tRU\tRUS\tRussia\n";
        load(&[("countries.tsv", countries), (name, data)])
    }

    fn problem(r: Result<Kb, KbError>) -> Problem {
        r.expect_err("the data is wrong").problem
    }

    #[test]
    fn compiled_data_loads() {
        let kb = load(FILES).unwrap_or_else(|e| panic!("{e}"));
        assert!(kb.entities.len() > 1000, "{}", kb.entities.len());
        assert!(kb.countries.len() >= 240, "{}", kb.countries.len());
        assert!(kb.terms.len() >= 250, "{}", kb.terms.len());
        assert_eq!(kb.countries["North Korea"].iso3, "PRK");
        assert_eq!(kb.countries["United Kingdom"].iso2, "GB");
    }

    #[test]
    fn bad_rows_are_named() {
        let head = "type\tcanonical\tcountry\tnames\n";
        assert_eq!(
            problem(one("x.tsv", "type\tcanonical\tcolour\tnames\n")),
            Problem::UnknownColumn("colour".into())
        );
        assert_eq!(
            problem(one("x.tsv", &format!("{head}company\tA\tRussia\tA\tB\n"))),
            Problem::TooManyFields { want: 4, got: 5 }
        );
        assert_eq!(
            problem(one("x.tsv", &format!("{head}firm\tA\t\tA\n"))),
            Problem::BadType("firm".into())
        );
        assert_eq!(
            problem(one("x.tsv", &format!("{head}company\tA\tRusland\tA\n"))),
            Problem::UnknownCountry("Rusland".into())
        );
        let dup = format!("{head}company\tAcme Ltd\t\tAcme\ncompany\tAcme, Ltd.\t\tAcme Ltd\n");
        let err = one("x.tsv", &dup).expect_err("duplicate");
        assert_eq!(err.problem, Problem::DuplicateId("company:acme-ltd".into()));
        assert_eq!(
            err.to_string(),
            "kb/x.tsv line 3: duplicate id company:acme-ltd"
        );
    }

    #[test]
    fn bad_terms_are_named() {
        let people = "type\tcanonical\tnames\nperson\tA B\tA B\n";
        let head = "country\toffice\tperson\tstart\tend\n";
        let run = |rows: &str| {
            let countries = "canonical\tiso2\tiso3\tnames\nRussia\tRU\tRUS\tRussia\n";
            let roles = format!("{head}{rows}");
            load(&[
                ("countries.tsv", countries),
                ("people.tsv", people),
                ("roles.tsv", &roles),
            ])
        };
        assert!(run("Russia\tpresident\tA B\t2000-05-07\t\n").is_ok());
        assert_eq!(
            problem(run("Russia\tpresident\tA B\t2000-5-7\t\n")),
            Problem::BadDate("2000-5-7".into())
        );
        assert_eq!(
            problem(run("Russia\tpresident\tA B\t2000-02-30\t\n")),
            Problem::BadDate("2000-02-30".into())
        );
        assert_eq!(
            problem(run("Russia\tpresident\tA B\t2000-05-07\t1999-01-01\n")),
            Problem::EndBeforeStart
        );
        assert_eq!(
            problem(run("Russia\tpresident\tC D\t2000-05-07\t\n")),
            Problem::UnknownPerson("C D".into())
        );
        assert_eq!(
            problem(run("Russia\ttsar\tA B\t2000-05-07\t\n")),
            Problem::BadOffice("tsar".into())
        );
        let overlap = "Russia\tpresident\tA B\t2000-05-07\t2008-05-07\n\
                       Russia\tpresident\tA B\t2008-05-01\t\n";
        assert!(matches!(problem(run(overlap)), Problem::Overlap(_)));
        let handover = "Russia\tpresident\tA B\t2000-05-07\t2008-05-07\n\
                        Russia\tpresident\tA B\t2008-05-07\t\n";
        assert!(run(handover).is_ok());
    }

    #[test]
    fn holders_by_date() {
        let kb = &*KB;
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let dm = |day| {
            kb.holder("Russia", Office::DefenceMinister, d(day))
                .map(|e| e.canonical.as_str())
        };
        assert_eq!(dm("2023-06-01"), Some("Sergei Shoigu"));
        assert_eq!(dm("2025-03-01"), Some("Andrei Belousov"));
        let leader = |c, day| {
            kb.holder(c, Office::Leader, d(day))
                .map(|e| e.canonical.as_str())
        };
        assert_eq!(leader("United Kingdom", "2025-01-01"), Some("Keir Starmer"));
        assert_eq!(leader("China", "2025-01-01"), Some("Xi Jinping"));
        assert_eq!(leader("North Korea", "2025-01-01"), Some("Kim Jong Un"));
    }
}
