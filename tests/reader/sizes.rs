//! Every view renders at every size from 0×0 to 12×12 and at 500×200
//! without panicking, on the built-in corpus and on the hostile one (wide,
//! combining and placeholder characters in one-column panes); and random
//! key sequences with resizes and typed hostile characters never panic.

use crate::support::hostile;

use parallax::analysis::Analysis;
use parallax::corpus::{self, Corpus};
use parallax::ui::action::Action;
use parallax::ui::app::App;
use parallax::ui::keymap::Keymap;
use parallax::ui::theme::Theme;
use parallax::ui::update::Msg;
use parallax::ui::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

fn hostile_corpus() -> Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            hostile::write(dir.path());
            corpus::load_paths(&[dir.path().to_path_buf()]).unwrap()
        })
        .clone()
}

fn app(corpus: Corpus, size: (u16, u16)) -> App {
    let analysis = Analysis::build(&corpus);
    let mut app = App::new(
        corpus,
        analysis,
        Keymap::default_keymap(),
        Theme { color: true },
        size,
    );
    app.refresh_layouts();
    app
}

fn render(app: &App) {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
}

fn sizes() -> impl Iterator<Item = (u16, u16)> {
    (0..=12u16)
        .flat_map(|w| (0..=12u16).map(move |h| (w, h)))
        .chain([(500, 200)])
}

/// Ways into each view and overlay, from the library.
const SETUPS: &[&[Action]] = &[
    &[],
    &[Action::Confirm],
    &[Action::Confirm, Action::Bottom],
    &[Action::Compare],
    &[
        Action::Compare,
        Action::NextMatch,
        Action::ToggleLock,
        Action::SwitchPane,
    ],
    &[Action::Topics],
    &[Action::Topics, Action::OpenAcross],
    &[Action::Matrix],
    &[Action::Matrix, Action::Right, Action::Confirm],
    &[Action::Help],
    &[Action::Confirm, Action::Help, Action::Bottom],
];

#[test]
fn every_view_renders_at_every_small_size_and_a_huge_one() {
    let mut rendered = 0;
    for corpus in [corpus::load_builtin(), hostile_corpus()] {
        let mut app = app(corpus, (80, 24));
        for setup in SETUPS {
            for (w, h) in sizes() {
                // Enter the view at this size, so layouts are built for it.
                app.update(Msg::Resize(w, h));
                app.update(Msg::Action(Action::Library));
                for a in *setup {
                    app.update(Msg::Action(*a));
                }
                render(&app);
                app.update(Msg::Action(Action::PageDown));
                render(&app);
                for _ in 0..3 {
                    app.update(Msg::Action(Action::Back));
                }
                rendered += 2;
            }
        }
    }
    assert_eq!(rendered, 2 * 2 * SETUPS.len() * (13 * 13 + 1));
}

/// `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(Debug, Clone)]
enum Step {
    Act(usize),
    Type(char),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    let hostile_char = prop::sample::select(vec![
        'a',
        'q',
        ' ',
        '\u{1b}',
        '\u{9b}',
        '\u{7}',
        '\u{202e}',
        '\u{200b}',
        '\u{301}',
        '漢',
        '👩',
        '\u{e0041}',
        '\t',
        '\n',
        '|',
    ]);
    prop_oneof![
        6 => (0..Action::ALL.len()).prop_map(Step::Act),
        2 => prop_oneof![hostile_char, any::<char>()].prop_map(Step::Type),
        2 => prop_oneof![
            (0..=12u16, 0..=12u16),
            Just((500u16, 200u16)),
            (13..=120u16, 3..=50u16),
        ]
        .prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

proptest! {
    // Each case builds a fresh analysis (most of its cost): few cases by
    // default, PROPTEST_CASES=1000 for a long run.
    #![proptest_config(ProptestConfig::with_cases(cases(12)))]

    #[test]
    fn random_keys_resizes_and_typing_never_panic(
        hostile in any::<bool>(),
        steps in prop::collection::vec(step(), 1..60),
    ) {
        let corpus = if hostile { hostile_corpus() } else { corpus::load_builtin() };
        let mut app = app(corpus, (40, 12));
        for s in steps {
            let msg = match s {
                Step::Act(i) => Msg::Action(Action::ALL[i]),
                Step::Type(c) => Msg::Input(c),
                Step::Resize(w, h) => Msg::Resize(w, h),
            };
            app.update(msg);
            render(&app);
        }
    }
}
