//! Dense ids for the hashed items of a block's sets (letter trigrams, …):
//! the profiles compared share one numbering, so a block's set can be held
//! as bits (`marks.rs`) and another block's items tested against it one
//! by one, instead of both sorted lists merged for every pair. Two items
//! get one id exactly when their keys are equal, so every count over ids
//! is the count over keys.

use crate::analysis::hashing::FoldMap;

/// Ids 0, 1, 2, … in first-seen order, and each list's distinct ids.
#[derive(Default, Clone, Debug)]
pub struct SetIds {
    ids: FoldMap<u32>,
    /// For each id, the last list it went into (lists are numbered from
    /// 1), so a list keeps each id once without a sort.
    last_list: Vec<u32>,
    lists: u32,
}

impl SetIds {
    /// The distinct ids of `keys`, in first-seen order.
    pub fn distinct(&mut self, keys: impl IntoIterator<Item = u64>) -> Vec<u32> {
        let mut list = self.list();
        keys.into_iter().for_each(|k| list.add(k));
        list.into_ids()
    }

    /// Room for `more` new keys without growing.
    pub fn reserve(&mut self, more: usize) {
        self.ids.reserve(more);
        self.last_list.reserve(more);
    }

    /// The id of one key.
    pub fn id(&mut self, key: u64) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.last_list.push(0);
        }
        id
    }

    /// A new list, filled one key at a time.
    pub fn list(&mut self) -> List<'_> {
        self.lists += 1;
        List {
            number: self.lists,
            set_ids: self,
            ids: Vec::new(),
        }
    }
}

/// A list being filled: each key's id, once.
pub struct List<'a> {
    set_ids: &'a mut SetIds,
    number: u32,
    ids: Vec<u32>,
}

impl List<'_> {
    #[inline]
    pub fn add(&mut self, key: u64) {
        let id = self.set_ids.id(key);
        let last = &mut self.set_ids.last_list[id as usize];
        if *last != self.number {
            *last = self.number;
            self.ids.push(id);
        }
    }

    pub fn into_ids(self) -> Vec<u32> {
        self.ids
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
    }
}
