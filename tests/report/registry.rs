//! The registry of States against the reference list in `../shared/data` (public facts:
//! names, codes, M49 and regional groups), where that folder is present beside the repo.

use report::registry::{self, Standing};

#[test]
fn registry_matches_the_reference_list() {
    let Some(text) = reference_list() else {
        return;
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (iso3, m49, name, group) = (
        col("iso3"),
        col("m49"),
        col("un_name"),
        col("un_regional_group"),
    );
    let mut rows = 0;
    for line in lines {
        // Names with commas are quoted; none of the columns we read come after one.
        let fields = split_csv(line);
        let state = registry::by_iso3(&fields[iso3])
            .unwrap_or_else(|| panic!("{} is missing from the registry", fields[iso3]));
        assert_eq!(state.standing, Standing::Member);
        assert_eq!(state.name.replace('\u{2019}', "'"), fields[name]);
        assert_eq!(
            state.m49,
            fields[m49].parse::<u16>().unwrap(),
            "{}",
            state.name
        );
        assert_eq!(
            state.group.map(|g| g.code()),
            Some(fields[group].as_str()),
            "{}",
            state.name
        );
        rows += 1;
    }
    assert_eq!(rows, 193);
}

fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// The reference list beside the repository (`../shared/data`, there on CI). A clone
/// elsewhere (say in /tmp) has no such folder: there the registry tests say so and pass,
/// except under CI (the `CI` variable, which `.ci/run` sets), where they fail.
fn reference_list() -> Option<String> {
    let csv = crate::support::repo().join("../shared/data/un_member_states.csv");
    let read = std::fs::read_to_string(&csv);
    if let Err(e) = &read {
        crate::support::missing_outside("the registry", format!("{}: {e}", csv.display()));
    }
    read.ok()
}

/// The registry's order, and the order `collate::sort_key` gives, are the order of the
/// reference list's own `sort_key` column (UN English alphabetical order, written out
/// independently of this code).
#[test]
fn the_registry_is_in_un_alphabetical_order() {
    let Some(text) = reference_list() else {
        return;
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (iso3, key) = (col("iso3"), col("sort_key"));
    let mut reference: Vec<(String, String)> = lines
        .map(split_csv)
        .map(|f| (f[key].clone(), f[iso3].clone()))
        .collect();
    reference.sort();
    let expected: Vec<String> = reference.into_iter().map(|(_, iso3)| iso3).collect();
    let members: Vec<&registry::MemberState> = registry::all()
        .iter()
        .filter(|s| s.standing == Standing::Member)
        .collect();
    let registry_order: Vec<&str> = members.iter().map(|s| s.iso3).collect();
    assert_eq!(registry_order, expected);
    let mut by_key = members.clone();
    by_key.sort_by_key(|s| report::collate::sort_key(s.name));
    let by_key: Vec<&str> = by_key.iter().map(|s| s.iso3).collect();
    assert_eq!(by_key, expected);
}
