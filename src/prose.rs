//! The Secretariat's sentences that depend on the data, written once in Rust so the PDF and
//! the HTML say exactly the same thing: the mandate, who replied (in UN order, observer
//! States named as such, late replies apart), and how many States raised each category.
//!
//! English as the Editorial Manual writes it: words for one to nine, figures from 10,
//! "A, B and C", "per cent", no sentence starting with a figure.

use serde::Serialize;

use crate::english::{count, join_list};
use crate::registry::Standing;

/// The sentences of the Summary, the Introduction and chapter II.
#[derive(Debug, Clone, Serialize)]
pub struct Prose {
    pub summary_mandate: String,
    pub summary_contents: String,
    pub mandate: String,
    pub request: String,
    /// Who replied by the cutoff.
    pub received: String,
    /// Who replied after it, if anyone did.
    pub late: Option<String>,
    pub structure: String,
    pub categories_intro: String,
    /// The categories no State raised, if any.
    pub unraised: Option<String>,
}

/// A replying State as the sentences need it.
pub struct Named<'a> {
    pub name: &'a str,
    pub standing: Standing,
    pub late: bool,
}

/// What the sentences are made from.
pub struct Facts<'a> {
    /// The report's title, which names the subject ("Countering the use of ...").
    pub subject: &'a str,
    pub mandate: &'a str,
    /// "seventy-fourth session".
    pub session: &'a str,
    pub cutoff: Option<&'a str>,
    /// In UN order.
    pub replies: Vec<Named<'a>>,
    pub categories_raised: usize,
    pub unraised: Vec<&'a str>,
}

fn names(list: &[&Named]) -> String {
    let names: Vec<String> = list
        .iter()
        .map(|n| match n.standing {
            Standing::Member => n.name.to_string(),
            Standing::Observer => format!("{} (observer State)", n.name),
        })
        .collect();
    join_list(&names)
}

/// "Member States" when only Member States replied, "States" when an observer State did.
pub fn states_noun<'a>(replies: impl IntoIterator<Item = &'a Named<'a>>) -> &'static str {
    if replies
        .into_iter()
        .any(|n| n.standing == Standing::Observer)
    {
        "States"
    } else {
        "Member States"
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn write(facts: &Facts) -> Prose {
    let subject = lower_first(facts.subject);
    let noun = states_noun(&facts.replies);
    let total = facts.replies.len();
    let on_time: Vec<&Named> = facts.replies.iter().filter(|n| !n.late).collect();
    let late: Vec<&Named> = facts.replies.iter().filter(|n| n.late).collect();
    // With a cutoff date the past perfect has its reference point ("As at 31 May 2019,
    // replies had been received"); without one, the simple past.
    let received = match (on_time.len(), facts.cutoff) {
        (0, Some(c)) => format!("As at {c}, no replies had been received."),
        (0, None) => "No replies were received.".to_string(),
        (1, Some(c)) => format!(
            "As at {c}, a reply had been received from {}.",
            names(&on_time)
        ),
        (1, None) => format!("A reply was received from {}.", names(&on_time)),
        (n, Some(c)) => format!(
            "As at {c}, replies had been received from the following {} {noun}: {}.",
            count(n),
            names(&on_time)
        ),
        (n, None) => format!(
            "Replies were received from the following {} {noun}: {}.",
            count(n),
            names(&on_time)
        ),
    };
    let received = capitalise(&received);
    let late = match late.len() {
        0 => None,
        1 => Some(format!(
            "A reply was subsequently received from {}.",
            names(&late)
        )),
        _ => Some(format!(
            "Replies were subsequently received from {}.",
            names(&late)
        )),
    };
    let analysis = match facts.categories_raised {
        0 => String::new(),
        1 => " and an analysis of the challenges that they raised, in one category".to_string(),
        n => format!(
            " and an analysis of the challenges that they raised, grouped into {} categories",
            count(n)
        ),
    };
    let unraised = match facts.unraised.as_slice() {
        [] => None,
        [one] => Some(format!(
            "No State raised challenges in the following category: {one}."
        )),
        many => Some(format!(
            "No State raised challenges in the following categories: {}.",
            join_list(many)
        )),
    };
    Prose {
        summary_mandate: format!(
            "The present report has been prepared pursuant to General Assembly resolution {}, \
             in which the Assembly requested the Secretary-General to seek the views of Member \
             States on the challenges that they face in {subject} and to present a report based \
             on those views for consideration by the Assembly at its {}.",
            facts.mandate, facts.session
        ),
        summary_contents: match total {
            0 => "No State had replied when the present report was prepared.".to_string(),
            _ => format!(
                "The report contains the views of the {} {} that replied{analysis}.",
                count(total),
                if total == 1 { "State" } else { noun }
            ),
        },
        mandate: format!(
            "In its resolution {}, the General Assembly requested the Secretary-General to seek \
             the views of Member States on the challenges that they faced in {subject} and to \
             present a report based on those views for consideration by the Assembly at its {}.",
            facts.mandate, facts.session
        ),
        request: "Pursuant to that request, the Secretariat sent a note verbale to all Member \
                  States and observer States, inviting them to submit their views."
            .to_string(),
        received,
        late,
        structure: "Chapter II of the present report presents the challenges raised in the \
                    replies, grouped by category. Chapter III reproduces the replies as received."
            .to_string(),
        categories_intro: "The categories below follow the order of the taxonomy used for the \
                           present report. For each category, the themes are ranked by the \
                           number of States that raised them, followed by a summary of each \
                           reply; the full replies are reproduced in chapter III."
            .to_string(),
        unraised,
    }
}

/// "Challenges in this category were raised by five of the 22 Member States that replied
/// (23 per cent): A, B and C."
pub fn category_sentence(raised: &[Named], total: usize, percent: u32, noun: &str) -> String {
    format!(
        "Challenges in this category were raised by {} of the {} {noun} that replied ({percent} per cent): {}.",
        count(raised.len()),
        count(total),
        names(&raised.iter().collect::<Vec<_>>())
    )
}

/// "By regional group: African States (1), Asia-Pacific States (2)." Groups with no State
/// are left out; `None` if no State of the category belongs to a group.
pub fn groups_sentence(groups: &[(&str, usize)]) -> Option<String> {
    let parts: Vec<String> = groups
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(name, n)| format!("{name} ({n})"))
        .collect();
    (!parts.is_empty()).then(|| format!("By regional group: {}.", join_list(&parts)))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, standing: Standing, late: bool) -> Named<'_> {
        Named {
            name,
            standing,
            late,
        }
    }

    fn facts<'a>(replies: Vec<Named<'a>>, unraised: Vec<&'a str>) -> Facts<'a> {
        Facts {
            subject: "Countering the use of ICT for criminal purposes",
            mandate: "73/187",
            session: "seventy-fourth session",
            cutoff: Some("31 May 2019"),
            replies,
            categories_raised: 2,
            unraised,
        }
    }

    #[test]
    fn who_replied_in_words_with_late_replies_apart() {
        let p = write(&facts(
            vec![
                named("Chile", Standing::Member, false),
                named("Peru", Standing::Member, false),
                named("State of Palestine", Standing::Observer, false),
                named("Türkiye", Standing::Member, true),
            ],
            vec!["Prevention"],
        ));
        assert_eq!(
            p.received,
            "As at 31 May 2019, replies had been received from the following three States: \
             Chile, Peru and State of Palestine (observer State)."
        );
        assert_eq!(
            p.late.as_deref(),
            Some("A reply was subsequently received from Türkiye.")
        );
        assert_eq!(
            p.unraised.as_deref(),
            Some("No State raised challenges in the following category: Prevention.")
        );
        assert!(
            p.mandate
                .contains("in countering the use of ICT for criminal purposes and")
        );
        assert_eq!(
            p.summary_contents,
            "The report contains the views of the four States that replied and an analysis of \
             the challenges that they raised, grouped into two categories."
        );
    }

    #[test]
    fn member_states_only_and_large_counts_in_figures() {
        let replies: Vec<Named> = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
            .iter()
            .map(|n| named(n, Standing::Member, false))
            .collect();
        let p = write(&facts(replies, vec![]));
        assert!(
            p.received
                .contains("from the following 11 Member States: A, B, C"),
            "{}",
            p.received
        );
        assert!(p.late.is_none() && p.unraised.is_none());
        let one = write(&facts(
            vec![named("Chile", Standing::Member, false)],
            vec![],
        ));
        assert_eq!(
            one.received,
            "As at 31 May 2019, a reply had been received from Chile."
        );
        let none = write(&facts(vec![], vec![]));
        assert_eq!(
            none.received,
            "As at 31 May 2019, no replies had been received."
        );
        assert_eq!(
            none.summary_contents,
            "No State had replied when the present report was prepared."
        );
    }

    /// Without a cutoff date, the simple past: the past perfect needs a point in time.
    #[test]
    fn without_a_cutoff_replies_were_received() {
        let mut f = facts(
            vec![
                named("Chile", Standing::Member, false),
                named("Peru", Standing::Member, false),
            ],
            vec![],
        );
        f.cutoff = None;
        assert_eq!(
            write(&f).received,
            "Replies were received from the following two Member States: Chile and Peru."
        );
        f.replies.truncate(1);
        assert_eq!(write(&f).received, "A reply was received from Chile.");
        f.replies.clear();
        assert_eq!(write(&f).received, "No replies were received.");
    }

    #[test]
    fn group_sentences_skip_empty_groups() {
        assert_eq!(
            groups_sentence(&[
                ("African States", 1),
                ("Asia-Pacific States", 0),
                ("Western European and other States", 3)
            ])
            .as_deref(),
            Some(
                "By regional group: African States (1) and Western European and other States (3)."
            )
        );
        assert_eq!(groups_sentence(&[("African States", 0)]), None);
    }

    #[test]
    fn category_sentences() {
        let raised = [
            named("Chile", Standing::Member, false),
            named("Peru", Standing::Member, true),
        ];
        assert_eq!(
            category_sentence(&raised, 22, 9, "Member States"),
            "Challenges in this category were raised by two of the 22 Member States that replied (9 per cent): Chile and Peru."
        );
    }
}
