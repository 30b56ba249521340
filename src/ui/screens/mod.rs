//! The screens of the reader, one unit each. A screen owns its state, takes
//! its actions (`handle`), lays itself out for the frame (`refresh`),
//! draws its title, body and status, and says where it is (`top`,
//! `shown`). The router in `app::update` only picks the screen; a new view
//! is a new file here, its `Action` entries, and one line in `screens!`
//! (with the global action that opens it, if any, in brackets).

pub mod compare;
pub mod elsewhere;
pub mod library;
pub mod library_columns;
pub mod list;
pub mod list_filter;
pub mod matrix;
pub mod passages;
pub mod quotes;
pub mod reader;
pub mod results;
pub mod screen;
pub mod scroll;
pub mod text;
pub mod title;
pub mod topic;
pub mod variants;

pub use screen::{Screen, Scrolled};

use crate::ui::action::{Action, ViewId};
use crate::ui::shared::Shared;

macro_rules! screens {
    ($( $id:ident => $field:ident: $ty:ty $([$open:ident])? ),* $(,)?) => {
        /// The main views (the screen under any overlay).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ScreenId { $( $id, )* }

        impl ScreenId {
            /// Its table in the keymap: the `ViewId` of the same name.
            pub fn view_id(self) -> ViewId {
                match self { $( ScreenId::$id => ViewId::$id, )* }
            }

            /// The screen a global action opens, if it opens one.
            pub fn opened_by(action: Action) -> Option<ScreenId> {
                $( $( if action == Action::$open {
                    return Some(ScreenId::$id);
                } )? )*
                None
            }
        }

        /// One of each screen, each keeping its state while not shown.
        pub struct Screens { $( pub $field: $ty, )* }

        impl Screens {
            pub fn new(cx: &Shared) -> Screens {
                Screens { $( $field: <$ty>::new(cx), )* }
            }

            pub fn get(&self, id: ScreenId) -> &dyn Screen {
                match id { $( ScreenId::$id => &self.$field, )* }
            }

            pub fn get_mut(&mut self, id: ScreenId) -> &mut dyn Screen {
                match id { $( ScreenId::$id => &mut self.$field, )* }
            }

            pub fn each_mut(&mut self) -> Vec<(ScreenId, &mut dyn Screen)> {
                vec![ $( (ScreenId::$id, &mut self.$field as &mut dyn Screen), )* ]
            }
        }
    };
}

screens! {
    Library => library: library::Library [Library],
    Reader => reader: reader::Reader,
    Compare => compare: compare::Compare,
    Topic => topic: topic::TopicScreen,
    Matrix => matrix: matrix::Matrix [Matrix],
    Results => results: results::Results,
    Quotes => quotes: quotes::QuotesScreen [Quotes],
    Passages => passages: passages::PassagesScreen [Passages],
    Variants => variants: variants::VariantsScreen,
    Elsewhere => elsewhere: elsewhere::ElsewhereScreen,
}
