//! What each page of a site read of its version's data, so that a rebuild renders again
//! only the pages whose reads changed.
//!
//! A root's templates may print anything of the data anywhere (every page's navigation
//! lists every State), so what a page depends on is not known before it is rendered. The
//! data reaches the templates wrapped in [`Tracked`] values: every key a template looks
//! up, every list it walks, is noted with a hash of what it found. On the next build the
//! same reads are made of the new data; a page whose reads all find what they found
//! before, and whose own inputs (its URL, neighbours, the templates, the wording) are as
//! they were, is kept as it was made. Only leaves are hashed: a map or a list read is
//! noted as such, and what is read inside it is noted on its own.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard};

use minijinja::value::{Enumerator, Object, ObjectRepr, Value, ValueKind};

/// One read: of a key, or of the shape of a map or a list (its keys, its length).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum What {
    Key(Value),
    Shape,
}

/// The places of a site's data that were read, numbered: a node is a map or a list
/// reached from the top by a path of keys (node 0 is the top); a read is what was looked
/// at in a node. The numbers stay from build to build of the same site.
#[derive(Debug, Default)]
pub struct Places {
    inner: Mutex<Numbered>,
}

#[derive(Debug, Default)]
struct Numbered {
    /// Node `n` (from 1) is key `nodes[n - 1].1` of node `nodes[n - 1].0`.
    nodes: Numbering<(u32, Value)>,
    reads: Numbering<(u32, What)>,
}

/// Things numbered from 0 in the order they were first met.
#[derive(Debug)]
struct Numbering<K> {
    list: Vec<K>,
    ids: HashMap<K, u32>,
}

impl<K> Default for Numbering<K> {
    fn default() -> Self {
        Numbering {
            list: Vec::new(),
            ids: HashMap::new(),
        }
    }
}

impl<K: Clone + Eq + Hash> Numbering<K> {
    fn number(&mut self, key: K) -> u32 {
        if let Some(id) = self.ids.get(&key) {
            return *id;
        }
        let id = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.list.push(key.clone());
        self.ids.insert(key, id);
        id
    }
}

impl Places {
    fn lock(&self) -> MutexGuard<'_, Numbered> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn node(&self, parent: u32, key: &Value) -> u32 {
        self.lock()
            .nodes
            .number((parent, key.clone()))
            .saturating_add(1)
    }

    fn read(&self, node: u32, what: What) -> u32 {
        self.lock().reads.number((node, what))
    }

    /// What the reads of this site find in `top`, the data of a new build, each worked out
    /// once for all its pages.
    pub fn against(self: &Arc<Self>, top: Value) -> Findings {
        let numbered = self.lock();
        Findings {
            nodes: vec![None; numbered.nodes.list.len() + 1],
            reads: vec![None; numbered.reads.list.len()],
            places: Arc::clone(self),
            top,
        }
    }
}

/// Reads, each with the hash of what it found.
pub type Reads = Vec<(u32, u64)>;

/// The reads of one page, in the order they were made, each with the hash of what it
/// found (duplicates left out).
#[derive(Debug, Default)]
pub struct Log {
    reads: Mutex<(Reads, std::collections::HashSet<u32>)>,
}

impl Log {
    fn note(&self, read: u32, found: u64) {
        let mut log = self.reads.lock().unwrap_or_else(|e| e.into_inner());
        if log.1.insert(read) {
            log.0.push((read, found));
        }
    }

    /// The reads noted, each with the hash of what it found.
    pub fn take(&self) -> Reads {
        let mut log = self.reads.lock().unwrap_or_else(|e| e.into_inner());
        log.1.clear();
        std::mem::take(&mut log.0)
    }
}

/// The hash of what a read of a key found: nothing, a map or a list (whose insides are
/// read on their own), or a leaf (a string, a number...).
fn found(value: Option<&Value>) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    match value {
        None => 0u8.hash(&mut hasher),
        Some(v) => match v.kind() {
            ValueKind::Undefined => 0u8.hash(&mut hasher),
            ValueKind::Map => 1u8.hash(&mut hasher),
            ValueKind::Seq => 2u8.hash(&mut hasher),
            kind => {
                3u8.hash(&mut hasher);
                format!("{kind:?}").hash(&mut hasher);
                v.is_safe().hash(&mut hasher);
                v.hash(&mut hasher);
            }
        },
    }
    hasher.finish()
}

/// The hash of the shape of a map (its keys in order) or of a list (its length).
fn shape(value: &Value) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    match value.kind() {
        ValueKind::Map => {
            if let Ok(keys) = value.try_iter() {
                for key in keys {
                    key.hash(&mut hasher);
                }
            }
        }
        _ => value.len().hash(&mut hasher),
    }
    hasher.finish()
}

/// A map or a list of the data, as one page's templates see it: what they read is noted
/// in the page's log.
#[derive(Debug)]
pub struct Tracked {
    value: Value,
    node: u32,
    places: Arc<Places>,
    log: Arc<Log>,
}

impl Tracked {
    /// `top` (the data of a version) for one page, its reads noted in `log`.
    pub fn top(top: Value, places: &Arc<Places>, log: &Arc<Log>) -> Value {
        wrap(top, 0, places, log)
    }
}

/// `value` as a template sees it: maps and lists tracked, leaves as they are.
fn wrap(value: Value, node: u32, places: &Arc<Places>, log: &Arc<Log>) -> Value {
    match value.kind() {
        ValueKind::Map | ValueKind::Seq => Value::from_object(Tracked {
            value,
            node,
            places: Arc::clone(places),
            log: Arc::clone(log),
        }),
        _ => value,
    }
}

impl Object for Tracked {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        match self.value.kind() {
            ValueKind::Seq => ObjectRepr::Seq,
            _ => ObjectRepr::Map,
        }
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let got = self.value.get_item(key).ok().filter(|v| !v.is_undefined());
        let read = self.places.read(self.node, What::Key(key.clone()));
        self.log.note(read, found(got.as_ref()));
        let got = got?;
        let node = match got.kind() {
            ValueKind::Map | ValueKind::Seq => self.places.node(self.node, key),
            _ => 0,
        };
        Some(wrap(got, node, &self.places, &self.log))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let read = self.places.read(self.node, What::Shape);
        self.log.note(read, shape(&self.value));
        match self.value.kind() {
            ValueKind::Seq => Enumerator::Seq(self.value.len().unwrap_or(0)),
            _ => match self.value.try_iter() {
                Ok(keys) => Enumerator::Values(keys.collect()),
                Err(_) => Enumerator::Empty,
            },
        }
    }
}

/// What the reads of a site find in a new build's data, worked out as pages ask.
pub struct Findings {
    /// Each node's value in the new data, once looked up (`Some(None)`: not there).
    nodes: Vec<Option<Option<Value>>>,
    /// Each read's hash in the new data, once worked out.
    reads: Vec<Option<u64>>,
    places: Arc<Places>,
    top: Value,
}

impl Findings {
    /// Whether every read of a page finds in the new data what it found before.
    pub fn unchanged(&mut self, reads: &[(u32, u64)]) -> bool {
        reads
            .iter()
            .all(|(read, was)| self.read(*read) == Some(*was))
    }

    fn read(&mut self, read: u32) -> Option<u64> {
        let at = usize::try_from(read).ok()?;
        if let Some(hash) = self.reads.get(at)? {
            return Some(*hash);
        }
        let (node, what) = self.places.lock().reads.list.get(at)?.clone();
        let value = self.node(node);
        let hash = match (&what, value) {
            (_, None) => found(None).wrapping_add(1),
            (What::Shape, Some(v)) => shape(&v),
            (What::Key(key), Some(v)) => {
                let got = v.get_item(key).ok().filter(|v| !v.is_undefined());
                found(got.as_ref())
            }
        };
        *self.reads.get_mut(at)? = Some(hash);
        Some(hash)
    }

    fn node(&mut self, node: u32) -> Option<Value> {
        if node == 0 {
            return Some(self.top.clone());
        }
        let at = usize::try_from(node).ok()?;
        if let Some(value) = self.nodes.get(at)? {
            return value.clone();
        }
        let (parent, key) = self.places.lock().nodes.list.get(at - 1)?.clone();
        let value = self
            .node(parent)
            .and_then(|p| p.get_item(&key).ok())
            .filter(|v| matches!(v.kind(), ValueKind::Map | ValueKind::Seq));
        *self.nodes.get_mut(at)? = Some(value.clone());
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::{Environment, context};

    /// Renders `template` over `data` for one page: the page and its reads.
    fn page(
        template: &str,
        data: &serde_json::Value,
        places: &Arc<Places>,
    ) -> (String, Vec<(u32, u64)>) {
        let log = Arc::new(Log::default());
        let top = Tracked::top(value(data), places, &log);
        let mut env = Environment::new();
        env.add_template("t", template).unwrap();
        let ctx = context! { page => "p", ..top };
        let out = env.get_template("t").unwrap().render(ctx).unwrap();
        (out, log.take())
    }

    fn value(data: &serde_json::Value) -> Value {
        Value::from(minijinja::value::Serde(data))
    }

    fn data(second: &str, title: &str) -> serde_json::Value {
        serde_json::json!({
            "title": title,
            "replies": [
                {"state": "Argentina", "body": "first"},
                {"state": "Brazil", "body": second},
            ],
        })
    }

    #[test]
    fn a_page_is_unchanged_only_while_what_it_read_is() {
        let places = Arc::new(Places::default());
        let nav = "{{ title }}{% for r in replies %}{{ r.state }}{% endfor %}";
        let body = "{{ replies[1].body|upper }}";
        let before = data("second", "T");
        let (out, nav_reads) = page(nav, &before, &places);
        assert_eq!(out, "TArgentinaBrazil");
        let (out, body_reads) = page(body, &before, &places);
        assert_eq!(out, "SECOND");

        // A body edited: the navigation read none of it.
        let mut found = places.against(value(&data("edited", "T")));
        assert!(found.unchanged(&nav_reads));
        assert!(!found.unchanged(&body_reads));

        // The title changed: the navigation prints it, the body page does not.
        let mut found = places.against(value(&data("second", "U")));
        assert!(!found.unchanged(&nav_reads));
        assert!(found.unchanged(&body_reads));

        // A reply more: the navigation walked the list, the body page read one item.
        let mut more = data("second", "T");
        more["replies"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"state": "Chile", "body": "third"}));
        let mut found = places.against(value(&more));
        assert!(!found.unchanged(&nav_reads));
        assert!(found.unchanged(&body_reads));
    }

    #[test]
    fn a_key_read_and_missing_is_read_again() {
        let places = Arc::new(Places::default());
        let template = "{% if redline %}R{% endif %}{{ title }}";
        let (out, reads) = page(template, &data("b", "T"), &places);
        assert_eq!(out, "T");
        let mut with = data("b", "T");
        with["redline"] = serde_json::json!({"title": "x"});
        assert!(!places.against(value(&with)).unchanged(&reads));
        assert!(places.against(value(&data("b", "T"))).unchanged(&reads));
    }

    #[test]
    fn filters_that_walk_a_map_read_all_of_it() {
        let places = Arc::new(Places::default());
        let template =
            "{% for k, v in replies[0]|items %}{{ k }}={{ v }};{% endfor %}|{{ replies|length }}";
        let (out, reads) = page(template, &data("b", "T"), &places);
        assert!(out.contains("Argentina"), "{out}");
        let mut changed = data("b", "T");
        changed["replies"][0]["body"] = serde_json::json!("changed");
        assert!(!places.against(value(&changed)).unchanged(&reads));
        assert!(places.against(value(&data("c", "T"))).unchanged(&reads));
    }
}
