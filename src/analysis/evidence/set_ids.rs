//! Dense ids for the hashed items of a block's sets (letter trigrams, …):
//! the profiles compared share one numbering, so a block's set can be held
//! as bits (`marks.rs`) and another block's items tested against it one
//! by one, instead of both sorted lists merged for every pair. Two items
//! get one id exactly when their keys are equal, so every count over ids
//! is the count over keys.

use crate::analysis::hashing::home_slot as home;
use crate::analysis::prefetch::prefetch;

/// One key's entry: its id and the last list it went into, side by side,
/// so adding a key to a list touches one place in memory.
#[derive(Clone, Copy, Default, Debug)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    /// The id plus one; 0 marks an empty slot (so every key, 0 included,
    /// can be stored).
    id_plus_one: u32,
    /// The last list the id went into (lists are numbered from 1), so a
    /// list keeps each id once without a sort.
    last_list: u32,
}

/// Ids 0, 1, 2, … in first-seen order, and each list's distinct ids.
///
/// An open-addressing table of its own, not a general hash map: the
/// profiles of a long pair of articles meet hundreds of thousands of
/// keys, each use a cache miss, and knowing where a key's slot is lets a
/// list ask for the slots of its next keys before it reaches them
/// (`crate::analysis::prefetch`).
#[derive(Default, Clone, Debug)]
pub struct SetIds {
    /// A power of two long, or empty; at most three quarters full, where
    /// linear probing's misses stay short (only the home slot is asked
    /// for ahead).
    slots: Vec<Slot>,
    len: u32,
    lists: u32,
    /// The keys of the list being filled, kept between lists.
    keys: Vec<u64>,
}

/// Keys between asking for a slot and using it.
const AHEAD: usize = 8;

impl SetIds {
    /// The distinct ids of `keys`, in first-seen order.
    pub fn distinct(&mut self, keys: impl IntoIterator<Item = u64>) -> Vec<u32> {
        let mut list = self.list();
        keys.into_iter().for_each(|k| list.add(k));
        list.into_ids()
    }

    /// Room for `more` new keys without growing.
    pub fn reserve(&mut self, more: usize) {
        let needed = self.len as usize + more;
        let mut size = self.slots.len().max(16);
        while needed * 4 > size * 3 {
            size *= 2;
        }
        if size != self.slots.len() {
            let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
            for s in old.into_iter().filter(|s| s.id_plus_one != 0) {
                let at = self.find(s.key);
                self.slots[at] = s;
            }
        }
    }

    /// The slot holding `key`, or the empty one where it would go.
    #[inline]
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = home(key, self.slots.len().trailing_zeros());
        loop {
            let s = &self.slots[at];
            if s.id_plus_one == 0 || s.key == key {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The slot of `key`, given the next id if it is new.
    #[inline]
    fn slot_of(&mut self, key: u64) -> usize {
        if (self.len as usize + 1) * 4 > self.slots.len() * 3 {
            self.reserve(1);
        }
        let at = self.find(key);
        let s = &mut self.slots[at];
        if s.id_plus_one == 0 {
            self.len += 1;
            *s = Slot {
                key,
                id_plus_one: self.len,
                last_list: 0,
            };
        }
        at
    }

    /// Ask for the slot `key` starts its search at.
    #[inline]
    fn prefetch(&self, key: u64) {
        if let Some(s) = self.slots.get(home(key, self.slots.len().trailing_zeros())) {
            prefetch(s);
        }
    }

    /// The id of one key.
    pub fn id(&mut self, key: u64) -> u32 {
        let at = self.slot_of(key);
        self.slots[at].id_plus_one - 1
    }

    /// A new list, filled one key at a time.
    pub fn list(&mut self) -> List<'_> {
        self.lists += 1;
        List {
            number: self.lists,
            keys: std::mem::take(&mut self.keys),
            set_ids: self,
        }
    }
}

/// A list being filled: each key's id, once. The keys are gathered and
/// given their ids at the end, each slot asked for a few keys ahead.
#[must_use = "keys get their ids only in `into_ids`"]
pub struct List<'a> {
    set_ids: &'a mut SetIds,
    number: u32,
    keys: Vec<u64>,
}

impl List<'_> {
    #[inline]
    pub fn add(&mut self, key: u64) {
        self.keys.push(key);
    }

    pub fn into_ids(self) -> Vec<u32> {
        let List {
            set_ids,
            number,
            keys,
        } = self;
        // Grown first, so the slots asked for stay where they are.
        set_ids.reserve(keys.len());
        for &k in keys.iter().take(AHEAD) {
            set_ids.prefetch(k);
        }
        let mut ids = Vec::with_capacity(keys.len());
        for (i, &k) in keys.iter().enumerate() {
            if let Some(&ahead) = keys.get(i + AHEAD) {
                set_ids.prefetch(ahead);
            }
            let at = set_ids.slot_of(k);
            let slot = &mut set_ids.slots[at];
            if slot.last_list != number {
                slot.last_list = number;
                ids.push(slot.id_plus_one - 1);
            }
        }
        set_ids.keys = keys;
        set_ids.keys.clear();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_share_an_id_and_a_list_holds_each_once() {
        let mut ids = SetIds::default();
        let a = ids.distinct([7, 9, 7, 1u64 << 63]);
        assert_eq!(a, [0, 1, 2]);
        let b = ids.distinct([1u64 << 63, 5, 5, 9]);
        assert_eq!(b, [2, 3, 1]);
        assert!(ids.distinct([]).is_empty());
        assert_eq!(ids.distinct([5]), [3], "a new list may hold an id again");
        assert_eq!(ids.distinct([0, 0]), [4], "0 is a key like any other");
        assert_eq!(ids.id(9), 1);
    }

    #[test]
    fn ids_hold_while_the_table_grows() {
        // Enough keys to grow the table many times, in lists of every
        // size, checked against a plain map.
        let mut ids = SetIds::default();
        let mut seen = std::collections::HashMap::new();
        for list in 0..200u64 {
            let keys: Vec<u64> = (0..list * 3)
                .map(|k| k * 7919 + (list % 50) * 1_000_003)
                .collect();
            let got = ids.distinct(keys.iter().copied());
            let mut want = Vec::new();
            for &k in &keys {
                let next = seen.len() as u32;
                let id = *seen.entry(k).or_insert(next);
                if !want.contains(&id) {
                    want.push(id);
                }
            }
            assert_eq!(got, want, "list {list}");
        }
        assert!(seen.len() > 5_000, "{}", seen.len());
    }
}
