//! Aggregation of the `valid` fixture, against figures computed by hand.

use report::aggregate::{self, Model, Options};
use report::load;

use crate::support::fixture;

fn model(options: Options) -> Model {
    let loaded = load::load(&fixture("valid"));
    assert!(
        !loaded.diagnostics.has_errors(),
        "{}",
        loaded.sources.render_plain(&loaded.diagnostics)
    );
    aggregate::aggregate(loaded.project.as_ref().unwrap(), options)
}

fn themes(model: &Model, category: usize) -> Vec<(String, usize, Vec<&'static str>)> {
    model.categories[category]
        .themes
        .iter()
        .map(|t| {
            (
                t.theme.clone(),
                t.count,
                t.states.iter().map(|s| s.iso3).collect(),
            )
        })
        .collect()
}

#[test]
fn themes_are_merged_ignoring_case_and_spacing_and_ranked() {
    let m = model(Options::default());
    // cooperation: CRI "Mutual legal assistance" + "24/7 network"; CIV "mutual  legal
    // assistance" + "extradition"; HRV and PSE "extradition"; TKM "24/7 Network".
    assert_eq!(
        themes(&m, 0),
        [
            ("extradition".to_string(), 3, vec!["CIV", "HRV", "PSE"]),
            ("24/7 network".to_string(), 2, vec!["CRI", "TKM"]),
            // One spelling each ("mutual  legal" is the same after collapsing white
            // space): on a tie, the lower-case one prints.
            ("mutual legal assistance".to_string(), 2, vec!["CRI", "CIV"]),
        ]
    );
    // evidence: a tie of two, broken alphabetically; of "cloud storage" (CRI) and "Cloud
    // Storage" (CIV), the lower-case one prints.
    assert_eq!(
        themes(&m, 1),
        [
            ("cloud storage".to_string(), 2, vec!["CRI", "CIV"]),
            ("forensic laboratories".to_string(), 2, vec!["CIV", "TUR"]),
        ]
    );
}

#[test]
fn counts_shares_and_regional_groups() {
    let m = model(Options::default());
    let [cooperation, evidence, prevention] = &m.categories[..] else {
        panic!("three categories")
    };
    assert_eq!(
        (cooperation.state_count, cooperation.share_percent),
        (5, 83)
    );
    assert_eq!((evidence.state_count, evidence.share_percent), (3, 50));
    assert_eq!((prevention.state_count, prevention.share_percent), (0, 0));
    let groups = |c: &aggregate::CategorySummary| -> Vec<(&str, usize)> {
        c.regional_groups
            .iter()
            .map(|g| (g.code, g.count))
            .collect()
    };
    assert_eq!(
        groups(cooperation),
        [
            ("AFR", 1),
            ("APG", 2),
            ("EEG", 1),
            ("GRULAC", 1),
            ("WEOG", 0)
        ]
    );
    assert_eq!(
        groups(evidence),
        [
            ("AFR", 1),
            ("APG", 0),
            ("EEG", 0),
            ("GRULAC", 1),
            ("WEOG", 1)
        ]
    );
    assert_eq!(m.totals.categories_raised, 2);
    let all: Vec<(&str, usize)> = m
        .regional_groups
        .iter()
        .map(|g| (g.code, g.count))
        .collect();
    assert_eq!(
        all,
        [
            ("AFR", 1),
            ("APG", 2),
            ("EEG", 1),
            ("GRULAC", 1),
            ("WEOG", 1)
        ]
    );
    let late: Vec<&str> = m
        .replies
        .iter()
        .filter(|r| r.late)
        .map(|r| r.iso3)
        .collect();
    assert_eq!(late, ["TUR"], "received on the cutoff day is not late");
}

/// Shares are whole per cent rounded half up, as the Editorial Manual rounds: cases where
/// rounding up, rounding down and rounding to even disagree.
#[test]
fn shares_round_half_up() {
    assert_eq!(aggregate::percent(2, 3), 67); // 66.7
    assert_eq!(aggregate::percent(1, 6), 17); // 16.7
    assert_eq!(aggregate::percent(1, 8), 13); // 12.5: half up, not to even
    assert_eq!(aggregate::percent(3, 8), 38); // 37.5
    assert_eq!(aggregate::percent(1, 3), 33); // 33.3
    assert_eq!(aggregate::percent(1, 200), 1); // 0.5
    assert_eq!(aggregate::percent(0, 0), 0);
    assert_eq!(aggregate::percent(22, 22), 100);
}

#[test]
fn drafts_only_in_draft_builds() {
    let m = model(Options {
        include_drafts: true,
        draft: Some(report::pipeline::Draft {
            revision: "abc1234".into(),
            date: report::date::Date::new(2026, 11, 29).unwrap(),
        }),
    });
    assert_eq!(m.totals.replies, 7);
    assert_eq!(m.categories[2].state_count, 1);
    assert!(m.replies.iter().any(|r| r.state == "Peru"));
    assert!(m.report.draft);
    assert_eq!(m.report.revision.as_deref(), Some("abc1234"));
    assert_eq!(m.report.build_date, report::date::Date::new(2026, 11, 29));
}
