use parallax::analysis::align::PairScores;
use parallax::analysis::evidence::model;
use parallax::analysis::related::RelatedIndex;
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let c = parallax::corpus::load_paths(&[a[0].clone().into()]).unwrap();
    let (l, r) = (c.resolve(&a[1]).unwrap(), c.resolve(&a[2]).unwrap());
    let rel = RelatedIndex::build(&c);
    let s = PairScores::compute(&c, &rel, l, r);
    for pair in a[3..].chunks(2) {
        let (i, j): (usize, usize) = (pair[0].parse().unwrap(), pair[1].parse().unwrap());
        let sig = s.evidence.signals(i, j);
        println!("{i}-{j} p={:.3} {:?}", model::probability(&sig), sig);
    }
}
