//! Tests of `speaker`: attributions before and after a quote.

use super::*;

#[test]
fn a_name_past_a_long_role_an_apposition_or_a_long_audience() {
    // "of" inside an institution's name does not end the words after
    // the verb; the role before the name is dropped whole.
    assert_eq!(
        after(" said Bank of England governor Andrew Bailey."),
        named("Andrew Bailey")
    );
    // A description first, the name in the apposition.
    assert_eq!(
        before("His brother, Michael Reyes, told the court: "),
        named("Michael Reyes")
    );
    assert_eq!(before("The minister, Jane Roe, said: "), named("Jane Roe"));
    assert_eq!(
        before("The minister of Transport, Jane Roe, said: "),
        named("Jane Roe")
    );
    assert_eq!(
        before("La ministre des Transports, Claire Dubois, a affirmé : "),
        named("Claire Dubois")
    );
    // A name with a connector is no description.
    assert_eq!(
        before("Ursula von der Leyen, President of the Commission, said: "),
        named("Ursula von der Leyen")
    );
    // A name first, the description in the apposition.
    assert_eq!(
        before("Helen Marsh, the deputy chief fire officer, told reporters: "),
        named("Helen Marsh")
    );
    // A title of something before the name, either side of the quote.
    assert_eq!(
        before("Secretary of State Antony Blinken said: "),
        named("Antony Blinken")
    );
    assert_eq!(
        after(" said Secretary of State Marco Rubio."),
        named("Marco Rubio")
    );
    assert_eq!(
        before("Minister of Foreign Affairs Sergei Lavrov said: "),
        named("Sergei Lavrov")
    );
    assert_eq!(
        after(" said Russia's Minister of Foreign Affairs Sergei Lavrov."),
        named("Sergei Lavrov")
    );
    // A long audience between the verb and the colon.
    assert_eq!(
        before("Roe told the House of Commons committee on Tuesday: "),
        named("Roe")
    );
}

fn named(s: &str) -> Option<Said> {
    Some(Said::Named(s.to_string()))
}

#[test]
fn a_long_apposition_set_off_by_commas_follows_the_name() {
    let okafor = named("Rashid Okafor");
    assert_eq!(
        after(" Rashid Okafor, the chief of the Brenmoor fire service, said at a briefing."),
        okafor
    );
    assert_eq!(
        after(" Okafor, the chief of the Brenmoor fire service, said."),
        named("Okafor")
    );
    assert_eq!(
        after(" Okafor — the chief of the Brenmoor fire service — said."),
        named("Okafor")
    );
    assert_eq!(
        after(" Rashid Okafor, who has led the county fire service since 2019, told reporters."),
        okafor
    );
    // Not set off by commas, or no name before the comma: no speaker.
    assert_eq!(
        after(" Rashid Okafor of the county fire service in the east of the country said."),
        None
    );
    assert_eq!(
        after(" the chief of the county fire service, who spoke on Friday, said."),
        None
    );
    // An apposition longer than ten words.
    assert_eq!(
        after(" Okafor, who has led the fire service of the county for more than ten years, said."),
        None
    );
}

#[test]
fn a_description_keeps_what_it_is_for_either_side_of_the_quote() {
    let spokesperson = named("spokesperson for Nordrail");
    assert_eq!(after(" said a spokesperson for Nordrail."), spokesperson);
    assert_eq!(
        after(" said a spokesperson for Nordrail in a statement."),
        spokesperson
    );
    assert_eq!(before("A spokesperson for Nordrail said: "), spokesperson);
    assert_eq!(
        after(" said the chief executive of Nordrail Tomas Berg."),
        named("Tomas Berg")
    );
    // "for" before lower-case words still ends the speaker.
    assert_eq!(
        after(" said a spokesperson for the company."),
        named("spokesperson")
    );
    assert_eq!(after(" said Roe for the first time."), named("Roe"));
    assert_eq!(
        after(" said a spokesman for the Unite union."),
        named("spokesman")
    );
}

#[test]
fn speakers_after_the_quote() {
    assert_eq!(after(" Roe said."), named("Roe"));
    assert_eq!(after(" said Ms. Roe, adding more."), named("Roe"));
    assert_eq!(after(" said Jane Roe in a statement."), named("Jane Roe"));
    assert_eq!(after(" Jane Roe, the minister, said."), named("Jane Roe"));
    // A description first, the name in the apposition.
    assert_eq!(
        after(" the mayor, Elin Haugstad, said."),
        named("Elin Haugstad")
    );
    assert_eq!(
        after(" the minister, who spoke in Paris, said."),
        named("minister")
    );
    assert_eq!(after(" a resident, 62, said."), named("resident"));
    assert_eq!(after(" according to Dr. Ann Lee."), named("Ann Lee"));
    assert_eq!(
        after(" a Kremlin spokesman told reporters."),
        named("Kremlin spokesman")
    );
    assert_eq!(after(" officials said."), named("officials"));
    assert_eq!(after(" she said."), Some(Said::Pronoun));
    assert_eq!(after(" is a phrase often used."), None);
    assert_eq!(after(". The talks ended. Roe said nothing."), None);
    assert_eq!(after(""), None);
}

#[test]
fn whom_the_words_were_told_to_is_not_the_speaker() {
    let marsh = named("Helen Marsh");
    let told = "Helen Marsh, the deputy chief fire officer, told reporters: ";
    assert_eq!(before(told), marsh);
    assert_eq!(
        before("On Friday, Helen Marsh, the deputy chief fire officer, told the BBC: "),
        marsh
    );
    assert_eq!(
        before("Helen Marsh, the deputy chief fire officer, said: "),
        marsh
    );
    assert_eq!(before("Roe told reporters: "), named("Roe"));
    assert_eq!(
        before("The minister told a committee of MPs: "),
        named("minister")
    );
    // No subject left: the audience is no speaker.
    assert_eq!(before("Speaking at the scene, told reporters: "), None);
    assert_eq!(before("Speaking at the scene, said Roe: "), named("Roe"));
    assert_eq!(
        after(" Helen Marsh, the deputy chief fire officer, told reporters."),
        marsh
    );
    assert_eq!(after(" she told reporters."), Some(Said::Pronoun));
    assert_eq!(after(" told reporters."), None);
}

#[test]
fn a_role_before_the_name_is_no_part_of_it() {
    let marsh = named("Helen Marsh");
    assert_eq!(after(" said Deputy Chief Fire Officer Helen Marsh."), marsh);
    assert_eq!(after(" said Chief Fire Officer Helen Marsh."), marsh);
    assert_eq!(after(" said Helen Marsh."), marsh);
    assert_eq!(
        after(" said Deputy Chief Fire Officer Helen Marsh on Friday."),
        marsh
    );
    assert_eq!(after(" Deputy Chief Fire Officer Helen Marsh said."), marsh);
    assert_eq!(
        before("Deputy Chief Fire Officer Helen Marsh said: "),
        marsh
    );
    assert_eq!(before("Chief Fire Officer Helen Marsh said: "), marsh);
    assert_eq!(
        after(" said the chief fire officer."),
        named("chief fire officer")
    );
}

#[test]
fn speakers_before_the_quote() {
    assert_eq!(before("The talks ended. Roe said: "), named("Roe"));
    assert_eq!(before("Lavrov told reporters on Friday: "), named("Lavrov"));
    assert_eq!(before("According to Sen. Doe, "), named("Doe"));
    assert_eq!(before("According to the minister, "), named("minister"));
    assert_eq!(
        before("In a statement, President Putin said "),
        named("Putin")
    );
    assert_eq!(before("said Roe: "), named("Roe"));
    assert_eq!(before("He added: "), Some(Said::Pronoun));
    // An adverb between the speaker and the verb is no part of the name;
    // a word that only ends like one is ("The family").
    assert_eq!(
        before("Mr Hale later said the authority was "),
        named("Hale")
    );
    assert_eq!(before("Roe has also said "), named("Roe"));
    assert_eq!(before("The Okafor family said "), named("Okafor family"));
    assert_eq!(before("The summit, which many called "), None);
    assert_eq!(before(""), None);
}

/// The speaker each text names: "=" before the text, read before a
/// quote; else after one. "he" is a pronoun, "" none.
#[test]
fn the_speakers_own_name_for_a_thing() {
    assert_eq!(before("Mayor Jo Roe called the closure "), named("Jo Roe"));
    assert_eq!(before("Okafor described the plan as "), named("Okafor"));
    assert_eq!(before("She branded it "), Some(Said::Pronoun));
    // A name given to something is nobody's words.
    assert_eq!(before("They joined a group called "), None);
    assert_eq!(before("The council passed a bill called the "), None);
    assert_eq!(before("Okafor described the plan "), None);
    assert_eq!(before("The move, called "), None);
    // Only a name: a description may be what was named ("the town
    // residents called").
    assert_eq!(before("The harbour board called the plan "), None);
}

fn check(cases: &[(&str, &str)]) {
    for &(text, want) in cases {
        let want = match want {
            "" => None,
            "he" => Some(Said::Pronoun),
            name => named(name),
        };
        let got = match text.strip_prefix('=') {
            Some(text) => before(text),
            None => after(text),
        };
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn other_languages_reporting_verbs_name_the_speaker() {
    check(&[
        // German: a role noun told by its ending goes before a name of
        // two words; another capitalised word stays.
        (", sagte Chefingenieur Tomas Berg.", "Tomas Berg"),
        (
            ", sagte der Feuerwehrsprecher Tomas Berg am Mittwoch.",
            "Tomas Berg",
        ),
        ("=Chefingenieur Tomas Berg erklärte: ", "Tomas Berg"),
        ("=Berg betonte: ", "Berg"),
        (", sagte Kapitän Tomas Berg.", "Kapitän Tomas Berg"),
        (", sagte er.", "he"),
        ("=Er sagte: ", "he"),
        (", laut Berg.", "Berg"),
        // French: a verb with its auxiliary, an inversion, a lower-case
        // role.
        (", a déclaré la ministre Claire Dubois.", "Claire Dubois"),
        ("=La ministre Claire Dubois a déclaré : ", "Claire Dubois"),
        (" , affirme le porte-parole Claire Dubois.", "Claire Dubois"),
        (", selon Claire Dubois.", "Claire Dubois"),
        ("=Selon la ministre, ", "ministre"),
        (", dit-elle.", "he"),
        (", a-t-il ajouté.", "he"),
        ("=Le Pen a déclaré : ", "Le Pen"),
        // Spanish, Italian, Dutch.
        (
            ", dijo el ministro Juan Pérez en una rueda de prensa.",
            "Juan Pérez",
        ),
        ("=Según el portavoz, ", "portavoz"),
        (", afirmó ella.", "he"),
        (", ha detto il ministro Mario Rossi.", "Mario Rossi"),
        ("=Il ministro Mario Rossi ha dichiarato: ", "Mario Rossi"),
        (", zei minister Jan de Vries.", "Jan de Vries"),
        (", aldus de woordvoerder.", "woordvoerder"),
        ("=De burgemeester zei: ", "burgemeester"),
        // English names spelt like those words stay names.
        ("=Ella said: ", "Ella"),
        (" the Met Office said.", "Met Office"),
    ]);
}

#[test]
fn a_noun_phrase_before_a_passive_or_auxiliary_is_no_name() {
    check(&[
        (" The question was asked by a resident.", "resident"),
        (" The statement was read out on Friday.", ""),
        (" The question was asked.", ""),
        (" Roe has said.", "Roe"),
        ("=Roe had told reporters: ", "Roe"),
        // "Will" and "May" may be names.
        (" Will May said.", "Will May"),
    ]);
}

#[test]
fn shouting_and_writing_are_reporting() {
    for verb in "shouted yelled whispered cried screamed muttered tweeted posted wrote".split(' ') {
        check(&[
            (&format!(" Roe {verb}."), "Roe"),
            (&format!(" {verb} Jane Roe."), "Jane Roe"),
        ]);
    }
}

#[test]
fn they_is_a_group_and_its_verb_has_it_for_subject() {
    // The pronoun after the last comma is the verb's subject, not the
    // name before the comma.
    assert_eq!(
        after(" compiled by ex-British spy Christopher Steele, they added."),
        Some(Said::Group)
    );
    assert_eq!(after(", they said."), Some(Said::Group));
    assert_eq!(after(", ils ont dit."), None);
    assert_eq!(before("They said: "), Some(Said::Group));
    assert_eq!(after(", she said."), Some(Said::Pronoun));
}

#[test]
fn a_time_after_the_verb_is_no_speaker() {
    // "said late Thursday that “…”": the subject before the verb.
    assert_eq!(
        before(
            "Rep. Elijah E. Cummings of Maryland, the senior Democrat on the \
             committee, said late Thursday that the memos "
        ),
        named("Elijah E. Cummings")
    );
    assert_eq!(before("In a letter, said Monday that the memos "), None);
    assert_eq!(before("The report, said early that it "), None);
    // A month that is a given name, a capital after it: a name.
    assert_eq!(after(" said April Ryan."), named("April Ryan"));
}

#[test]
fn where_a_person_is_from_is_no_part_of_the_name() {
    check(&[
        (
            " said Rep. Elijah E. Cummings of Maryland.",
            "Elijah E. Cummings",
        ),
        (
            "=Prime Minister Justin Trudeau of Canada said: ",
            "Justin Trudeau",
        ),
        (
            " said Chairman Bob Goodlatte of the Judiciary Committee.",
            "Bob Goodlatte",
        ),
    ]);
}

#[test]
fn a_long_role_then_the_name_in_an_apposition() {
    assert_eq!(
        after(
            ", the White House press secretary, Sarah Huckabee Sanders, said at her daily briefing."
        ),
        named("Sarah Huckabee Sanders")
    );
    // Not a role before the comma: no name read out of a clause.
    assert_eq!(
        after(", the talks on trade and tariffs of last week, Roe Hale, said."),
        None
    );
}
