//! The shortest edit script between two sequences (Myers' O((N+M)D) algorithm), given up
//! past a number of edits: what a redline compares, at every level (words of a paragraph,
//! blocks of a reply, rows of a table). The bound keeps the cost of a comparison linear in
//! the length of what is compared, however different the two are: two texts that differ
//! in more places than a reader can follow are shown as one deletion and one insertion.

use std::ops::Range;

/// What a run of an edit script does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// The same in both.
    Same,
    /// Only in the first (the base): deleted.
    Del,
    /// Only in the second (the new text): inserted.
    Ins,
}

/// A run of one tag: which items of the base (`a`) and of the new sequence (`b`) it covers
/// (an empty range for the side it does not touch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub tag: Tag,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// The runs turning `a` into `b`, in order, or `None` if that takes more than `most`
/// single-item edits. Deletions come before the insertions they stand beside.
pub fn diff<T: PartialEq>(a: &[T], b: &[T], most: usize) -> Option<Vec<Run>> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (&a[prefix..], &b[prefix..]);
    let suffix = a_rest
        .iter()
        .rev()
        .zip(b_rest.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (
        &a_rest[..a_rest.len() - suffix],
        &b_rest[..b_rest.len() - suffix],
    );
    let mut runs = Vec::new();
    push(&mut runs, Tag::Same, 0..prefix, 0..prefix);
    for (tag, x, y) in myers(a_mid, b_mid, most)? {
        push(
            &mut runs,
            tag,
            prefix + x.start..prefix + x.end,
            prefix + y.start..prefix + y.end,
        );
    }
    let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);
    push(&mut runs, Tag::Same, a_end..a.len(), b_end..b.len());
    Some(runs)
}

/// Appends a run, merged into the last one if it has the same tag.
fn push(runs: &mut Vec<Run>, tag: Tag, a: Range<usize>, b: Range<usize>) {
    if a.is_empty() && b.is_empty() {
        return;
    }
    if let Some(last) = runs.last_mut()
        && last.tag == tag
        && last.a.end == a.start
        && last.b.end == b.start
    {
        last.a.end = a.end;
        last.b.end = b.end;
        return;
    }
    runs.push(Run { tag, a, b });
}

/// Myers' greedy algorithm, keeping the furthest points of each round to trace the path
/// back. Runs in item steps, relative to `a` and `b`; deletions before insertions.
#[allow(clippy::type_complexity)]
fn myers<T: PartialEq>(
    a: &[T],
    b: &[T],
    most: usize,
) -> Option<Vec<(Tag, Range<usize>, Range<usize>)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    if n == 0 && m == 0 {
        return Some(Vec::new());
    }
    let limit = (most as isize).min(n + m);
    let offset = limit + 1;
    let index = |k: isize| (k + offset) as usize;
    let mut v = vec![0isize; 2 * limit as usize + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut found = None;
    'rounds: for d in 0..=limit {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[index(k - 1)] < v[index(k + 1)]) {
                v[index(k + 1)]
            } else {
                v[index(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[index(k)] = x;
            if x >= n && y >= m {
                found = Some(d);
                break 'rounds;
            }
            k += 2;
        }
    }
    let depth = found?;
    // Back from the end: each round added one edit and then a diagonal of equal items.
    let mut steps = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..=depth).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[index(k - 1)] < v[index(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v[index(prev_k)];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            steps.push((Tag::Same, x, y));
        }
        if x == prev_x {
            y -= 1;
            steps.push((Tag::Ins, x, y));
        } else {
            x -= 1;
            steps.push((Tag::Del, x, y));
        }
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        steps.push((Tag::Same, x, y));
    }
    steps.reverse();
    // Steps into runs; within a stretch of edits, the deletions first.
    let mut runs: Vec<(Tag, Range<usize>, Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        let (tag, x, y) = steps[i];
        let (x, y) = (x as usize, y as usize);
        if tag == Tag::Same {
            let mut j = i;
            while j < steps.len() && steps[j].0 == Tag::Same {
                j += 1;
            }
            runs.push((Tag::Same, x..x + (j - i), y..y + (j - i)));
            i = j;
            continue;
        }
        let mut j = i;
        let (mut dels, mut inss) = (0, 0);
        while j < steps.len() && steps[j].0 != Tag::Same {
            match steps[j].0 {
                Tag::Del => dels += 1,
                _ => inss += 1,
            }
            j += 1;
        }
        if dels > 0 {
            runs.push((Tag::Del, x..x + dels, y..y));
        }
        if inss > 0 {
            runs.push((Tag::Ins, x + dels..x + dels, y..y + inss));
        }
        i = j;
    }
    Some(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies `runs` to `a` with the items of `b`: must give `b`.
    fn apply(a: &[char], b: &[char], runs: &[Run]) -> Vec<char> {
        let mut out = Vec::new();
        let (mut ai, mut bi) = (0, 0);
        for run in runs {
            assert_eq!(run.a.start, ai, "{runs:?}");
            assert_eq!(run.b.start, bi, "{runs:?}");
            match run.tag {
                Tag::Same => {
                    assert_eq!(a[run.a.clone()], b[run.b.clone()]);
                    out.extend(&b[run.b.clone()]);
                }
                Tag::Del => assert!(run.b.is_empty()),
                Tag::Ins => {
                    assert!(run.a.is_empty());
                    out.extend(&b[run.b.clone()]);
                }
            }
            ai = run.a.end;
            bi = run.b.end;
        }
        assert_eq!((ai, bi), (a.len(), b.len()));
        out
    }

    #[test]
    fn finds_the_shortest_script_and_it_rebuilds_the_new_sequence() {
        let cases = [
            ("abcabba", "cbabac"),
            ("", "abc"),
            ("abc", ""),
            ("same", "same"),
            ("the cat sat", "the dog sat"),
            ("xaxbxc", "abc"),
        ];
        for (a, b) in cases {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let runs = diff(&a, &b, 100).expect("within the bound");
            assert_eq!(apply(&a, &b, &runs), b);
            let edits: usize = runs
                .iter()
                .filter(|r| r.tag != Tag::Same)
                .map(|r| r.a.len() + r.b.len())
                .sum();
            // The length of the longest common subsequence gives the shortest script.
            let lcs = |a: &[char], b: &[char]| {
                let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
                for i in 0..a.len() {
                    for j in 0..b.len() {
                        t[i + 1][j + 1] = if a[i] == b[j] {
                            t[i][j] + 1
                        } else {
                            t[i][j + 1].max(t[i + 1][j])
                        };
                    }
                }
                t[a.len()][b.len()]
            };
            assert_eq!(edits, a.len() + b.len() - 2 * lcs(&a, &b));
        }
    }

    #[test]
    fn gives_up_past_the_bound_and_deletions_come_first() {
        let a: Vec<u32> = (0..1000).collect();
        let b: Vec<u32> = (1000..2000).collect();
        assert!(diff(&a, &b, 50).is_none());
        let runs = diff(&['a', 'x', 'c'], &['a', 'y', 'c'], 10).unwrap();
        let tags: Vec<Tag> = runs.iter().map(|r| r.tag).collect();
        assert_eq!(tags, [Tag::Same, Tag::Del, Tag::Ins, Tag::Same]);
    }
}
