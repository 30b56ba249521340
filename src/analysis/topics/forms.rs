//! How each article covers a topic beyond its weight: how much it says
//! (mentions of a name, uses of a term, blocks under a heading) and, for a
//! name written in several ways, which forms it uses ("Jane Roe" ×2,
//! "Ms. Roe" ×3). What "who covered what" statements quote.
//!
//! Cost: a name with one form stores no forms (its count is its amount);
//! otherwise twelve bytes per (article, form) used, and the forms once.

/// Most distinct forms kept per topic; rarer ones are counted under the
/// last slot, labelled `OTHER_FORMS`.
const MAX_FORMS: usize = 24;
pub const OTHER_FORMS: &str = "other forms";

/// Forms of a name being collected: every mention adds one.
#[derive(Debug, Clone, Default)]
pub struct FormTally {
    names: Vec<Box<str>>,
    /// (article, form, count), in the order seen; merged by `finish`.
    counts: Vec<(u32, u16, u32)>,
}

impl FormTally {
    pub fn add(&mut self, article: usize, form: &str, n: u32) {
        let slot = match self.names.iter().position(|f| &**f == form) {
            Some(i) => i,
            None if self.names.len() + 1 < MAX_FORMS => {
                self.names.push(form.into());
                self.names.len() - 1
            }
            None => {
                if self.names.len() < MAX_FORMS {
                    self.names.push(OTHER_FORMS.into());
                }
                MAX_FORMS - 1
            }
        };
        let (a, f) = (article as u32, slot as u16);
        match self.counts.last_mut() {
            Some((la, lf, c)) if *la == a && *lf == f => *c += n,
            _ => self.counts.push((a, f, n)),
        }
    }

    /// The finished forms: none when only one form was ever written (the
    /// topic's amount already says how often).
    pub fn finish(mut self) -> Forms {
        if self.names.len() <= 1 {
            return Forms::default();
        }
        self.counts.sort_unstable_by_key(|&(a, f, _)| (a, f));
        let mut merged: Vec<(u32, u16, u32)> = Vec::with_capacity(self.counts.len());
        for (a, f, n) in self.counts {
            match merged.last_mut() {
                Some((la, lf, c)) if *la == a && *lf == f => *c += n,
                _ => merged.push((a, f, n)),
            }
        }
        merged.shrink_to_fit();
        self.names.shrink_to_fit();
        Forms {
            names: self.names,
            counts: merged,
        }
    }
}

/// (article, form, count): how often one article writes one form.
pub type FormCount = (u32, u16, u32);

/// A finished topic's forms per article, sorted by article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Forms {
    names: Vec<Box<str>>,
    counts: Vec<(u32, u16, u32)>,
}

impl Forms {
    /// True when the topic is written one way only.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Every form the corpus uses, in the order first seen.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|n| &**n)
    }

    /// The forms, and (article, form, count) sorted by article then form:
    /// what the analysis cache keeps.
    pub fn parts(&self) -> (&[Box<str>], &[FormCount]) {
        (&self.names, &self.counts)
    }

    /// Forms from [`Forms::parts`], if the counts are sorted, name a form
    /// that exists and there are at least two forms (or none at all).
    pub fn from_parts(names: Vec<Box<str>>, counts: Vec<FormCount>) -> Option<Forms> {
        let sorted = counts
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1));
        let named = counts.iter().all(|&(_, f, _)| (f as usize) < names.len());
        let several = if counts.is_empty() {
            names.is_empty()
        } else {
            (2..=MAX_FORMS).contains(&names.len())
        };
        (sorted && named && several).then_some(Forms { names, counts })
    }

    /// The forms `article` uses with how often, most used first.
    pub fn in_article(&self, article: usize) -> Vec<(&str, u32)> {
        let Ok(a) = u32::try_from(article) else {
            return Vec::new();
        };
        let start = self.counts.partition_point(|&(x, _, _)| x < a);
        let end = self.counts.partition_point(|&(x, _, _)| x <= a);
        let mut out: Vec<(&str, u32)> = self.counts[start..end.max(start)]
            .iter()
            .filter_map(|&(_, f, n)| Some((&**self.names.get(f as usize)?, n)))
            .collect();
        out.sort_by_key(|x| std::cmp::Reverse(x.1));
        out
    }
}

/// What a topic's weights leave out: the amount behind a weight of 1, the
/// rank of the topic, and the forms of a name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// The largest amount an article has (weight × peak = the amount:
    /// mentions of a name, uses of a term, blocks of a heading's section).
    pub peak: f32,
    /// How well the topic tells articles apart (higher first); the order of
    /// the coverage matrix's rows.
    pub score: f32,
    pub forms: Forms,
}

impl Coverage {
    /// The amount behind `weight`, as a whole count.
    pub fn count(&self, weight: f32) -> u32 {
        if weight <= 0.0 {
            return 0;
        }
        (weight * self.peak).round().max(1.0) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_form_stores_nothing_several_are_counted_per_article() {
        let mut t = FormTally::default();
        t.add(0, "Roe", 2);
        assert!(t.clone().finish().is_empty());
        t.add(2, "Ms. Roe", 1);
        t.add(0, "Jane Roe", 1);
        t.add(0, "Roe", 1);
        let f = t.finish();
        assert_eq!(f.in_article(0), vec![("Roe", 3), ("Jane Roe", 1)]);
        assert_eq!(f.in_article(2), vec![("Ms. Roe", 1)]);
        assert!(f.in_article(1).is_empty());
        assert_eq!(f.names().count(), 3);
    }

    #[test]
    fn rare_forms_share_the_last_slot() {
        let mut t = FormTally::default();
        for i in 0..40 {
            t.add(0, &format!("form {i}"), 1);
        }
        let f = t.finish();
        assert_eq!(f.names().count(), MAX_FORMS);
        let in0 = f.in_article(0);
        assert_eq!(in0.iter().map(|x| x.1).sum::<u32>(), 40);
        assert_eq!(in0[0], (OTHER_FORMS, 40 - (MAX_FORMS as u32 - 1)));
    }

    #[test]
    fn counts_come_back_from_weights() {
        let c = Coverage {
            peak: 7.0,
            ..Coverage::default()
        };
        assert_eq!(c.count(1.0), 7);
        assert_eq!(c.count(3.0 / 7.0), 3);
        assert_eq!(c.count(0.0), 0);
    }
}
