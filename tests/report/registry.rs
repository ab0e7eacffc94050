//! The registry of States against the reference list in `../shared/data` (public facts:
//! names, codes, M49 and regional groups), where that folder is present beside the repo.

use report::registry::{self, Standing};

#[test]
fn registry_matches_the_reference_list() {
    let csv = crate::support::repo().join("../shared/data/un_member_states.csv");
    let Ok(text) = std::fs::read_to_string(&csv) else {
        eprintln!("skipped: {} is not present on this machine", csv.display());
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

#[test]
fn the_registry_is_in_un_alphabetical_order() {
    let names: Vec<&str> = registry::all()
        .iter()
        .filter(|s| s.standing == Standing::Member)
        .map(|s| s.name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| report::collate::sort_key(n));
    assert_eq!(names, sorted);
}
