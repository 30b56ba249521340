//! A heading names a section, and a reader who asks whether two headings
//! name the same section reads the sections: "Economic and Energy
//! Implications" and "Deterrence signals and economic tools" share a word,
//! but one section is about trade and energy, the other about sanctions as
//! leverage. Each heading's section (the body blocks after it, up to the
//! next heading) is summed into one term vector; two headings' sections
//! are compared by cosine, an input of the model beside the headings' own
//! words.

use super::profile::Profile;
use super::sparse::Sparse;
use crate::corpus::{Article, BlockKind};

/// For each block: its section's term vector if it is a heading with body
/// text under it, else `None`.
pub fn section_vectors(article: Option<&Article>, profiles: &[Profile]) -> Vec<Option<Sparse>> {
    let Some(article) = article else {
        return Vec::new();
    };
    let blocks = &article.blocks;
    let mut out = vec![None; blocks.len()];
    for (h, b) in blocks.iter().enumerate() {
        if b.kind != BlockKind::Heading {
            continue;
        }
        let body: Vec<&Sparse> = blocks
            .iter()
            .enumerate()
            .skip(h + 1)
            .take_while(|(_, b)| b.kind != BlockKind::Heading)
            .filter(|(_, b)| b.kind.is_content())
            .filter_map(|(k, _)| profiles.get(k).map(|p| &p.terms))
            .filter(|t| !t.is_empty())
            .collect();
        if !body.is_empty() {
            out[h] = Some(Sparse::sum(&body));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::evidence::{Vocab, profile::profiles};
    use crate::analysis::related::RelatedIndex;

    #[test]
    fn each_heading_gets_the_body_up_to_the_next_heading() {
        let blocks = [
            (BlockKind::Heading, "Energy"),
            (BlockKind::Paragraph, "Gas pipelines and oil prices."),
            (BlockKind::Paragraph, "Oil exports rose."),
            (BlockKind::Heading, "Sanctions"),
            (BlockKind::Paragraph, "Sanctions on banks stay."),
            (BlockKind::Heading, "Nothing under this one"),
        ];
        let article = Article::of_blocks("a", &blocks);
        let texts: Vec<&str> = blocks.iter().map(|b| b.1).collect();
        let ps = profiles(&texts, &RelatedIndex::default(), &mut Vocab::default());
        let v = section_vectors(Some(&article), &ps);
        let some: Vec<bool> = v.iter().map(Option::is_some).collect();
        assert_eq!(some, [true, false, false, true, false, false]);
        let (energy, sanctions) = (v[0].as_ref().unwrap(), v[3].as_ref().unwrap());
        // Energy's section is both its paragraphs: it holds "oil" (twice)
        // and "pipelines", and nothing of the sanctions section.
        assert!(energy.cosine(&ps[1].terms) > 0.5 && energy.cosine(&ps[2].terms) > 0.3);
        assert_eq!(energy.cosine(sanctions), 0.0);
        assert!((sanctions.cosine(&ps[4].terms) - 1.0).abs() < 1e-6);
    }
}
