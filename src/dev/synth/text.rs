//! Synthetic articles with planted reuse. Each article is a title line and
//! about twenty paragraphs, one per line, separated by blank lines (so the
//! loader reads one block per paragraph). Paragraphs are fresh prose, or
//! reuse earlier ones: verbatim copies, light edits, truncations, merges,
//! quotes pasted inside a longer paragraph of the article's own, partial
//! echoes, repeats inside the same article, and shared short subheadings.

use super::words::{Vocabulary, capitalised};
use crate::dev::rng::Rng;

/// One generated article: its file name and full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    pub file_name: String,
    pub text: String,
}

/// What a paragraph slot holds; weights in `KIND_WEIGHTS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Fresh,
    Quote,
    Copy,
    Edit,
    Truncate,
    Merge,
    Paste,
    Echo,
    Repeat,
    Subheading,
}

/// Per mille of paragraph slots of each kind.
const KIND_WEIGHTS: &[(Kind, u32)] = &[
    (Kind::Fresh, 745),
    (Kind::Quote, 50),
    (Kind::Copy, 45),
    (Kind::Edit, 40),
    (Kind::Truncate, 25),
    (Kind::Merge, 20),
    (Kind::Paste, 30),
    (Kind::Echo, 15),
    (Kind::Repeat, 20),
    (Kind::Subheading, 10),
];

const VOCABULARY: usize = 30_000;
/// Stock phrases ("said in a statement on ...") recur in many paragraphs:
/// common shingles that a join must not drown in.
const STOCK_PHRASES: usize = 60;
const STOCK_RATE: f64 = 0.04;
const SUBHEADINGS: usize = 40;
/// Copies favour a small set of "hot" wire paragraphs, as a widely syndicated
/// story is, which forms clusters of many mutual duplicates.
const HOT_POOL: usize = 64;
const HOT_RATE: f64 = 0.3;

/// The generator's state: vocabulary and every paragraph written so far.
pub struct Generator {
    rng: Rng,
    vocab: Vocabulary,
    stock: Vec<String>,
    subheadings: Vec<String>,
    /// Earlier articles' paragraphs (sources for reuse).
    pool: Vec<String>,
    quotes: Vec<String>,
    hot: Vec<usize>,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let vocab = Vocabulary::new(&mut rng, VOCABULARY);
        let stock = (0..STOCK_PHRASES)
            .map(|_| {
                let n = rng.between(6, 9);
                words(&vocab, &mut rng, n).join(" ")
            })
            .collect();
        let subheadings = (0..SUBHEADINGS)
            .map(|_| {
                let n = rng.between(2, 5);
                title_case(&words(&vocab, &mut rng, n))
            })
            .collect();
        Generator {
            rng,
            vocab,
            stock,
            subheadings,
            pool: Vec::new(),
            quotes: Vec::new(),
            hot: Vec::new(),
        }
    }

    /// The next article, numbered `n` (its file is `artNNNNNN.txt`).
    pub fn article(&mut self, n: usize) -> SynthArticle {
        let title_len = self.rng.between(4, 10);
        let title = title_case(&words(&self.vocab, &mut self.rng, title_len));
        let slots = self.rng.between(16, 24);
        let mut own: Vec<String> = Vec::with_capacity(slots);
        for _ in 0..slots {
            let p = self.paragraph(&own);
            own.push(p);
        }
        let mut text = title;
        for p in &own {
            text.push_str("\n\n");
            text.push_str(p);
        }
        text.push('\n');
        for p in own {
            if p.ends_with('.') {
                self.remember(p);
            }
        }
        SynthArticle {
            file_name: format!("art{n:06}.txt"),
            text,
        }
    }

    fn remember(&mut self, p: String) {
        if p.starts_with('"') {
            self.quotes.push(p.clone());
        }
        self.pool.push(p);
        let i = self.pool.len() - 1;
        if self.hot.len() < HOT_POOL {
            self.hot.push(i);
        } else if self.rng.chance(0.01) {
            let slot = self.rng.below(HOT_POOL);
            self.hot[slot] = i;
        }
    }

    fn kind(&mut self) -> Kind {
        let total: u32 = KIND_WEIGHTS.iter().map(|(_, w)| w).sum();
        let mut roll = self.rng.below(total as usize) as u32;
        for &(k, w) in KIND_WEIGHTS {
            if roll < w {
                return k;
            }
            roll -= w;
        }
        Kind::Fresh
    }

    /// An earlier article's paragraph, favouring the hot set.
    fn source(&mut self) -> Option<String> {
        let i = if self.rng.chance(HOT_RATE) {
            *self.rng.pick(&self.hot)?
        } else {
            self.rng.below(self.pool.len())
        };
        self.pool.get(i).cloned()
    }

    fn paragraph(&mut self, own: &[String]) -> String {
        let kind = self.kind();
        let reused = match kind {
            Kind::Fresh => None,
            Kind::Quote => Some(self.quote()),
            Kind::Copy => self.source(),
            Kind::Edit => self.source().map(|s| {
                let rate = 0.01 + 0.07 * self.rng.unit();
                self.edit(&s, rate)
            }),
            Kind::Truncate => self.source().map(|s| self.truncate(&s)),
            Kind::Merge => match (self.source(), self.source()) {
                (Some(a), Some(b)) => Some(format!("{a} {b}")),
                _ => None,
            },
            Kind::Paste => self.paste(),
            Kind::Echo => self.source().map(|s| self.echo(&s)),
            Kind::Repeat => self.rng.pick(own).cloned().map(|s| {
                if self.rng.chance(0.5) || s.starts_with(|c: char| !c.is_ascii_uppercase()) {
                    s
                } else {
                    let rate = 0.01 + 0.05 * self.rng.unit();
                    self.edit(&s, rate)
                }
            }),
            Kind::Subheading => self.rng.pick(&self.subheadings).cloned(),
        };
        reused.unwrap_or_else(|| self.fresh())
    }

    fn sentence(&mut self) -> String {
        let n = self.rng.between(8, 22);
        let mut ws: Vec<String> = words(&self.vocab, &mut self.rng, n)
            .into_iter()
            .map(str::to_string)
            .collect();
        if self.rng.chance(STOCK_RATE)
            && let Some(stock) = self.rng.pick(&self.stock).cloned()
        {
            let at = self.rng.below(ws.len() + 1);
            ws.insert(at, stock);
        }
        if ws.len() > 6 && self.rng.chance(0.4) {
            let at = self.rng.between(2, ws.len() - 3);
            ws[at].push(',');
        }
        let mut s = capitalised(&ws.join(" "));
        s.push('.');
        s
    }

    fn fresh(&mut self) -> String {
        let n = self.rng.between(2, 5);
        (0..n)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A short quoted statement: what other outlets paste into their text.
    fn quote(&mut self) -> String {
        let n = self.rng.between(12, 28);
        let body = capitalised(&words(&self.vocab, &mut self.rng, n).join(" "));
        let (first, last) = (
            self.vocab.word(&mut self.rng).to_string(),
            self.vocab.word(&mut self.rng).to_string(),
        );
        format!(
            "\"{body},\" said {} {}.",
            capitalised(&first),
            capitalised(&last)
        )
    }

    /// Substitute, delete or insert words at about `rate` per word.
    fn edit(&mut self, text: &str, rate: f64) -> String {
        let mut out: Vec<String> = Vec::new();
        for w in text.split(' ') {
            let roll = self.rng.unit();
            if roll < rate / 3.0 {
                continue; // deleted
            }
            if roll < 2.0 * rate / 3.0 {
                out.push(self.vocab.word(&mut self.rng).to_string());
            } else if roll < rate {
                out.push(w.to_string());
                out.push(self.vocab.word(&mut self.rng).to_string());
            } else {
                out.push(w.to_string());
            }
        }
        finish(out.join(" "))
    }

    fn truncate(&mut self, text: &str) -> String {
        let ws: Vec<&str> = text.split(' ').collect();
        let keep = ((ws.len() as f64) * (0.4 + 0.5 * self.rng.unit())).ceil() as usize;
        finish(ws[..keep.clamp(1, ws.len())].join(" "))
    }

    /// Own prose around a pasted quote (an earlier quote paragraph, or a run
    /// of words from any earlier paragraph).
    fn paste(&mut self) -> Option<String> {
        let quoted = if self.rng.chance(0.6) && !self.quotes.is_empty() {
            self.rng.pick(&self.quotes).cloned()?
        } else {
            let src = self.source()?;
            let ws: Vec<&str> = src.split(' ').collect();
            let len = self.rng.between(10, 25).min(ws.len());
            let at = self.rng.below(ws.len() - len + 1);
            format!("\"{}\"", ws[at..at + len].join(" "))
        };
        let before = self.sentence();
        let after = if self.rng.chance(0.5) {
            self.fresh()
        } else {
            self.sentence()
        };
        Some(format!("{before} As one report put it, {quoted} {after}"))
    }

    /// One sentence of an earlier paragraph among new ones: reuse that may
    /// or may not reach the threshold.
    fn echo(&mut self, text: &str) -> String {
        let sentences: Vec<&str> = text.split_inclusive(". ").collect();
        let borrowed = self
            .rng
            .pick(&sentences)
            .map_or("", |s| s.trim())
            .to_string();
        let own = self.rng.between(1, 3);
        let mut parts: Vec<String> = (0..own).map(|_| self.sentence()).collect();
        let at = self.rng.below(parts.len() + 1);
        parts.insert(at, finish(borrowed));
        parts.join(" ")
    }
}

fn words<'v>(vocab: &'v Vocabulary, rng: &mut Rng, n: usize) -> Vec<&'v str> {
    (0..n).map(|_| vocab.word(rng)).collect()
}

fn title_case(ws: &[&str]) -> String {
    ws.iter()
        .map(|w| capitalised(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Make a paragraph end like a sentence (so it is never read as a heading)
/// and start with a capital.
fn finish(text: String) -> String {
    let t = text.trim_end_matches([',', ' ']);
    let mut s = capitalised(t);
    if !s.ends_with('.') && !s.ends_with(".\"") {
        s.push('.');
    }
    s
}

/// `count` articles from `seed`; the same arguments always give the same
/// text.
pub fn generate(count: usize, seed: u64) -> Vec<SynthArticle> {
    let mut g = Generator::new(seed);
    (0..count).map(|n| g.article(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_per_seed() {
        assert_eq!(generate(5, 11), generate(5, 11));
        assert_ne!(generate(5, 11), generate(5, 12));
    }

    #[test]
    fn articles_are_title_then_blank_separated_paragraphs() {
        for a in generate(30, 3) {
            let parts: Vec<&str> = a.text.trim_end().split("\n\n").collect();
            assert!((17..=25).contains(&parts.len()), "{} parts", parts.len());
            assert!(
                parts
                    .iter()
                    .all(|p| !p.contains('\n') && !p.trim().is_empty())
            );
            assert!(!parts[0].ends_with('.'));
        }
    }

    #[test]
    fn reuse_is_planted() {
        let arts = generate(60, 5);
        let paragraphs: Vec<&str> = arts
            .iter()
            .flat_map(|a| a.text.split("\n\n").skip(1))
            .map(str::trim)
            .collect();
        let distinct: std::collections::HashSet<&&str> = paragraphs.iter().collect();
        // Verbatim copies and repeats make some paragraphs recur exactly.
        assert!(distinct.len() < paragraphs.len());
        assert!(
            paragraphs
                .iter()
                .any(|p| p.contains("As one report put it, \""))
        );
    }
}
