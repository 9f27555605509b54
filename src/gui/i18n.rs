//! The UI's languages: Swedish strings are the keys, this table gives the English.
//! A string missing from the table is shown in Swedish (a unit test lists the gaps).

use crate::core::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Translate a Swedish UI string.
#[must_use]
pub fn tr(lang: Lang, sv: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => ENGLISH.get(sv).copied().unwrap_or(sv),
    }
}

/// Fill `{name}` placeholders with numbers.
#[must_use]
pub fn fill(template: &str, values: &[(&str, usize)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

static ENGLISH: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| TABLE.iter().copied().collect());

/// Swedish → English.
const TABLE: &[(&str, &str)] = &[
    ("Förhandsvisning", "Preview"),
    ("uppdateras …", "updating …"),
    ("Rapporten läggs upp …", "Laying out the report …"),
    (
        "Förhandsvisningen kunde inte skapas:",
        "The preview could not be made:",
    ),
    (
        "{n} sidor. Klicka på en sida för att förstora den.",
        "{n} pages. Click a page to enlarge it.",
    ),
    ("Innehåll", "Contents"),
    (
        "Resultattexten som Svarskoll skriver",
        "The results text Svarskoll writes",
    ),
    ("diagram", "chart"),
    ("Sida i rapporten", "Report page"),
    ("◀ Föregående", "◀ Previous"),
    ("Sida", "Page"),
    ("Nästa ▶", "Next ▶"),
    ("Bevis", "Evidence"),
    ("Inga bevis än.", "No evidence yet."),
    ("Ta bort hänvisningen", "Remove the reference"),
    (
        "Filen ligger kvar i bevismappen; bara hänvisningen från frågan tas bort.",
        "The file stays in the evidence folder; only the question's reference to it is removed.",
    ),
    ("Bifoga fil …", "Attach file …"),
    ("Bifoga från sökväg …", "Attach from path …"),
    (
        "eller dra en skärmbild hit medan fönstret är öppet. Filen kopieras till granskningens bevismapp.",
        "or drop a screenshot here while this window is open. The file is copied into the audit's evidence folder.",
    ),
    (
        "{n} bevis (skärmbilder). Klicka för att bifoga, öppna eller ta bort.",
        "{n} pieces of evidence (screenshots). Click to attach, open or remove.",
    ),
    ("Spara som mall …", "Save as template …"),
    (
        "Spara kriterierna, frågebanken och rapportens texter som en ny mall",
        "Save the criteria, the question bank and the report's texts as a new template",
    ),
    ("Ny från mallfil …", "New from template file …"),
    ("Mallfil från sökväg …", "Template file from path …"),
    (
        "En mall som sparats med Arkiv → Spara som mall … (en .ron-fil)",
        "A template saved with File → Save as template … (a .ron file)",
    ),
    ("Sparad från granskningen", "Saved from the audit"),
    ("Mallen sparades:", "The template was saved:"),
    (
        "Spara granskningens kriterier och texter som mall",
        "Save the audit's criteria and texts as a template",
    ),
    (
        "Ny granskning från en mallfil",
        "New audit from a template file",
    ),
    ("Bifoga bevis (skärmbild)", "Attach evidence (screenshot)"),
    (
        "Spara granskningen till en fil först: bevisen sparas i en mapp bredvid den.",
        "Save the audit to a file first: the evidence is kept in a folder beside it.",
    ),
    ("Status per", "Status as of"),
    (
        "(granskningens stängningstid, steg 1; svar som loggats senare räknas inte)",
        "(the audit's closing time, step 1; answers logged later do not count)",
    ),
    ("t.ex.", "e.g."),
    (
        "Visa kontona i registrets ordning",
        "Show the accounts in register order",
    ),
    ("Att kontrollera nu", "Check now"),
    ("inget just nu", "nothing right now"),
    ("om", "in"),
    ("passerad", "passed"),
    ("visa alla {n}", "show all {n}"),
    (
        "Granskningen kunde inte sparas till sin fil. Spara den någon annanstans, annars går de senaste ändringarna förlorade.",
        "The audit could not be saved to its file. Save it somewhere else, or the latest changes are lost.",
    ),
    ("Större text", "Larger text"),
    ("Mindre text", "Smaller text"),
    ("Normal textstorlek", "Normal text size"),
    (
        "Skapa eller öppna en granskning innan du importerar konton.",
        "Create or open an audit before importing accounts.",
    ),
    (
        "{a} nya konton, {p} nya frågor, {u} uppdaterade frågor.",
        "{a} new accounts, {p} new questions, {u} updated questions.",
    ),
    ("2  Konton", "2  Accounts"),
    ("+ Lägg till konto", "+ Add account"),
    ("Nytt konto", "New account"),
    ("Importera CSV …", "Import CSV …"),
    ("Importera från sökväg …", "Import from path …"),
    (
        "eller dra en CSV-fil till fönstret",
        "or drop a CSV file on the window",
    ),
    ("Importerade", "Imported"),
    ("Stäng meddelandet", "Close the message"),
    ("{n} fel.", "{n} errors."),
    (
        "Inget importerades. Rätta filen och importera igen.",
        "Nothing was imported. Correct the file and import it again.",
    ),
    ("Urval och frågor", "Sample and questions"),
    ("Alla aktiva konton", "All active accounts"),
    ("Slumpmässigt urval", "Random sample"),
    ("Välj för hand", "Choose by hand"),
    ("Antal", "Number"),
    ("per plattform", "per platform"),
    ("Slumpfrö", "Random seed"),
    (
        "Samma frö ger samma urval: fröet sparas i granskningen.",
        "The same seed gives the same sample: the seed is saved in the audit.",
    ),
    ("Nytt frö", "New seed"),
    ("Tillämpa urvalet", "Apply the sample"),
    (
        "Markerar vilka konton som ingår i granskningen.",
        "Marks which accounts are audited.",
    ),
    (
        "{n} konton ingår i granskningen.",
        "{n} accounts are audited.",
    ),
    (
        "Obs: {n} konton med loggade frågor ingår inte längre (Ctrl+Z ångrar).",
        "Note: {n} accounts with logged questions are no longer audited (Ctrl+Z undoes).",
    ),
    ("Tilldela frågor", "Assign questions"),
    (
        "Ger varje konto i urvalet som saknar fråga en fråga ur frågebanken.",
        "Gives every sampled account without a question one from the question bank.",
    ),
    (
        "Frågebanken är tom: fyll i den i steg 1.",
        "The question bank is empty: fill it in in step 1.",
    ),
    ("{n} frågor tilldelades.", "{n} questions were assigned."),
    ("Sök", "Search"),
    ("konto, verksamhet, URL", "account, unit, URL"),
    ("alla", "all"),
    ("Plattform", "Platform"),
    ("Status", "Status"),
    (
        "{n} konton i registret, {a} i granskningen, {e} undantagna",
        "{n} accounts in the register, {a} audited, {e} excluded",
    ),
    (
        "Registret är tomt. Importera en CSV-fil (kolumner: konto, plattform, verksamhet, url, status …) eller lägg till konton för hand.",
        "The register is empty. Import a CSV file (columns: account, platform, unit, url, status …) or add accounts by hand.",
    ),
    ("Urval", "Sample"),
    ("Konto", "Account"),
    ("Verksamhet", "Unit"),
    ("Frågor", "Questions"),
    ("Registerordning", "Register order"),
    ("I urvalet", "In the sample"),
    ("undantaget", "excluded"),
    ("Redigera", "Edit"),
    ("Ta bort", "Delete"),
    ("Kontot", "The account"),
    ("togs bort (Ctrl+Z ångrar).", "was deleted (Ctrl+Z undoes)."),
    ("Klar", "Done"),
    ("Namn", "Name"),
    ("URL eller konto", "URL or handle"),
    ("Skäl till undantag", "Reason for exclusion"),
    (
        "t.ex. kontot avslutades 2018",
        "e.g. the account was closed in 2018",
    ),
    ("ingår i urvalet", "in the sample"),
    (
        "Kontot granskas inte: det är",
        "The account is not audited: it is",
    ),
    (
        "{n} frågor loggade. Frågorna redigeras i steg 3.",
        "{n} questions logged. Questions are edited in step 3.",
    ),
    ("1  Granskning", "1  Audit"),
    ("Uppgifter om granskningen", "About the audit"),
    ("Organisation", "Organisation"),
    ("Rapportens titel", "Report title"),
    ("Nämnd", "Committee"),
    ("Förvaltning", "Administration"),
    ("Period", "Period"),
    ("Resultat rapporteras till", "Results reported to"),
    ("Diarienummer", "Diary number"),
    ("År", "Year"),
    ("Granskare", "Auditors"),
    (
        "förnamn efternamn, kommaseparerade",
        "first and last names, comma-separated",
    ),
    ("Rapportdatum", "Report date"),
    (
        "ÅÅÅÅ-MM-DD (tomt = dagens datum)",
        "YYYY-MM-DD (empty = today)",
    ),
    (
        "Skriv datumet som ÅÅÅÅ-MM-DD; inget ändrades.",
        "Write the date as YYYY-MM-DD; nothing was changed.",
    ),
    ("Granskningen stängd", "Audit closed"),
    (
        "ÅÅÅÅ-MM-DD TT:MM (tomt = resultat per nu)",
        "YYYY-MM-DD HH:MM (empty = results as of now)",
    ),
    (
        "Resultaten räknas som de stod vid den här tiden. Svar som kommer senare räknas inte.",
        "Results are computed as they stood at this time. Later answers do not count.",
    ),
    ("Tolkad som", "Read as"),
    (
        "Skriv tiden som ÅÅÅÅ-MM-DD TT:MM; inget ändrades.",
        "Write the time as YYYY-MM-DD HH:MM; nothing was changed.",
    ),
    ("Kriterier", "Criteria"),
    (
        "Kriterierna skiljer sig från mallen",
        "The criteria differ from the template",
    ),
    (
        "Återställ mallens kriterier",
        "Restore the template's criteria",
    ),
    ("Svarsfrist räknas", "Deadline counted in"),
    (
        "timmar; slutar fristen på en helgdag flyttas den till nästa arbetsdag",
        "hours; a deadline ending on a non-working day moves to the next working day",
    ),
    (
        "bara arbetsdagarnas timmar räknas",
        "only hours on working days count",
    ),
    ("Svarsfrist (timmar)", "Deadline (hours)"),
    ("Längsta svarstid", "Longest response time"),
    ("svar efter högst", "answers after at most"),
    ("dagar", "days"),
    ("Längsta svarstid i dagar", "Longest response time in days"),
    (
        "dagar räknas, senare svar räknas som obesvarade",
        "days count; later answers count as unanswered",
    ),
    ("Signatur", "Signature"),
    (
        "svaret ska avslutas med avsändarens förnamn",
        "the answer must end with the responder's first name",
    ),
    ("Plattformar som granskas", "Platforms in scope"),
    (
        "Frågebank (en fråga per rad)",
        "Question bank (one question per line)",
    ),
    (
        "Frågorna delas ut till kontona i steg 2 (Tilldela frågor) så att grannkonton får olika frågor.",
        "Questions are given to the accounts in step 2 (Assign questions) so that neighbouring accounts get different questions.",
    ),
    (
        "sättet att räkna svarsfristen",
        "how the deadline is counted",
    ),
    ("svarsfrist", "deadline"),
    ("längsta svarstid (dagar)", "longest response time (days)"),
    ("stängda dagar", "closed dates"),
    ("signaturkravet", "the signature requirement"),
    ("plattformarna", "the platforms"),
    ("3  Frågor och logg", "3  Questions and log"),
    ("konto, verksamhet, fråga", "account, unit, question"),
    ("Visa", "View"),
    (
        "{n} konton i urvalet saknar fråga.",
        "{n} sampled accounts have no question.",
    ),
    ("Skapa frågor åt dem", "Create questions for them"),
    (
        "Inga konton ingår i granskningen än. Välj konton och tilldela frågor i steg 2, Konton.",
        "No accounts are audited yet. Choose accounts and assign questions in step 2, Accounts.",
    ),
    (
        "Frågor vars svarsfrist snart går ut eller nyss har gått ut.",
        "Questions whose deadline is near or has just passed.",
    ),
    ("sedan", "ago"),
    ("Ställd", "Posted"),
    ("Besvarad", "Answered"),
    (
        "Inget ändrades; Esc ångrar.",
        "Nothing was changed; Esc reverts.",
    ),
    (
        "Lägg till en fråga till kontot",
        "Add a question to the account",
    ),
    ("Ta bort frågan", "Delete the question"),
    ("+ Fråga", "+ Question"),
    ("Lägg till en fråga", "Add a question"),
    ("ja", "yes"),
    ("nej", "no"),
    ("Signerad", "Signed"),
    (
        "Signerat med förnamn? Klicka (eller Mellanslag) för att växla – / ja / nej.",
        "Signed with a first name? Click (or Space) to cycle – / yes / no.",
    ),
    ("ej sparad ändring", "unsaved change"),
    ("kvar", "left"),
    ("Fråga", "Question"),
    ("Anteckning", "Note"),
    ("ÅÅÅÅ-MM-DD TT:MM", "YYYY-MM-DD HH:MM"),
    ("Nu", "Now"),
    (
        "Sätt till nuvarande minut (Enter i ett tomt fält gör samma sak)",
        "Set to the current minute (Enter in an empty field does the same)",
    ),
    ("alla frågor", "all questions"),
    ("att kontrollera nu", "to check now"),
    (
        "{n} frågor: {i} i tid, {l} sena, {u} obesvarade, {p} väntar på svar, {x} ej ställda.",
        "{n} questions: {i} in time, {l} late, {u} unanswered, {p} awaiting an answer, {x} not posted.",
    ),
    ("kunde inte sparas", "could not be saved"),
    ("inte sparad till fil", "not saved to a file"),
    ("allt sparat", "all saved"),
    ("sparar …", "saving …"),
    ("Ny granskning", "New audit"),
    (
        "Kunde inte spara innan fönstret stängdes",
        "Could not save before closing the window",
    ),
    ("Arkiv", "File"),
    ("Ny granskning …", "New audit …"),
    ("Öppna …", "Open …"),
    ("Öppna med sökväg …", "Open by path …"),
    ("Senaste", "Recent"),
    ("Inga senaste granskningar", "No recent audits"),
    ("Spara", "Save"),
    ("Spara som …", "Save as …"),
    ("Stäng granskningen", "Close the audit"),
    ("Avsluta", "Quit"),
    ("Ångra", "Undo"),
    ("Gör om", "Redo"),
    ("Språk", "Language"),
    ("Tema", "Theme"),
    ("Som systemet", "Like the system"),
    ("Ljust", "Light"),
    ("Mörkt", "Dark"),
    ("Kunde inte spara!", "Could not save!"),
    ("Inte sparad till fil", "Not saved to a file"),
    ("Allt sparat", "All saved"),
    ("Sparar …", "Saving …"),
    ("titel saknas", "no title"),
    ("{n} konton, {s} i urvalet", "{n} accounts, {s} sampled"),
    (
        "{p} av {t} ställda, {a} besvarade",
        "{p} of {t} posted, {a} answered",
    ),
    ("{n} åtgärder", "{n} actions"),
    (
        "Granskningen kunde inte sparas:",
        "The audit could not be saved:",
    ),
    ("Försök igen", "Try again"),
    (
        "Granskningen är inte sparad till någon fil än. När den har en fil sparas varje ändring automatiskt.",
        "The audit is not saved to a file yet. Once it has a file, every change is saved automatically.",
    ),
    ("Granskningen är inte sparad", "The audit is not saved"),
    (
        "Den här granskningen har ingen fil än. Spara den, annars går det du har gjort förlorat.",
        "This audit has no file yet. Save it, or what you have done is lost.",
    ),
    ("Stäng utan att spara", "Close without saving"),
    ("Avbryt", "Cancel"),
    ("Sökväg till filen:", "Path to the file:"),
    ("OK", "OK"),
    (
        "Exporten avbröts oväntat",
        "The export stopped unexpectedly",
    ),
    ("Kunde inte spara granskningen", "Could not save the audit"),
    ("Ingen sådan mall", "No such template"),
    (
        "Exemplet öppnades som en kopia. Välj Spara som … om du vill behålla ändringar.",
        "The example was opened as a copy. Choose Save as … to keep changes.",
    ),
    ("Exemplet hittades inte", "The example was not found"),
    ("Kunde inte öppna filen", "Could not open the file"),
    ("Kunde inte starta exporten", "Could not start the export"),
    ("5  Rapport", "5  Report"),
    ("Rapportens språk", "Report language"),
    ("Exportera PDF …", "Export PDF …"),
    ("Exportera logg (Excel/CSV) …", "Export log (Excel/CSV) …"),
    (
        "Exportera loggen (Excel eller CSV)",
        "Export the log (Excel or CSV)",
    ),
    ("Loggen exporterades:", "The log was exported:"),
    ("Exportera till sökväg …", "Export to path …"),
    (
        "Rapporten skapas av granskningens uppgifter, resultat, texter och åtgärder. Resultattexten skriver Svarskoll själv.",
        "The report is made from the audit's details, results, texts and actions. Svarskoll writes the results text itself.",
    ),
    ("Skapar rapporten", "Creating the report"),
    ("Rapporten sparades:", "The report was saved:"),
    ("Öppna rapporten", "Open the report"),
    (
        "Rapporten kunde inte skapas:",
        "The report could not be created:",
    ),
    ("1 Inledning", "1 Introduction"),
    (
        "Tillägg till resultatet (efter Svarskolls resultattext)",
        "Addition to the results (after Svarskoll's results text)",
    ),
    ("Analys", "Analysis"),
    ("Slutsats", "Conclusion"),
    (
        "Texter från mallen (risk, syfte, omfattning, metod)",
        "Texts from the template (risk, purpose, scope, method)",
    ),
    ("Risk", "Risk"),
    ("Beskrivning av risk", "Description of the risk"),
    ("Granskningens rubrik", "Audit heading"),
    (
        "Områden och rutiner som granskas",
        "Areas and routines audited",
    ),
    ("Syfte", "Purpose"),
    ("Omfattning/avgränsning", "Scope"),
    ("Granskningsmetod", "Method"),
    ("Åtgärder", "Actions"),
    ("+ Lägg till åtgärd", "+ Add action"),
    ("Inga åtgärder än.", "No actions yet."),
    ("Åtgärd", "Action"),
    ("Ta bort åtgärd", "Delete action"),
    ("Flytta åtgärd", "Move action"),
    ("nedåt", "down"),
    ("uppåt", "up"),
    ("Rubrik", "Title"),
    ("Rapportering av resultat till", "Results reported to"),
    ("Ansvarig", "Responsible"),
    ("Vad ska göras", "What is to be done"),
    ("4  Resultat", "4  Results"),
    (
        "(granskningens stängningstid, steg 1)",
        "(the audit's closing time, step 1)",
    ),
    (
        "(nu; ange en stängningstid i steg 1 för att låsa resultatet)",
        "(now; set a closing time in step 1 to fix the results)",
    ),
    ("Resultat per", "Results as of"),
    ("Per plattform", "By platform"),
    ("Per verksamhet", "By unit"),
    (
        "Kontroll: {e} fel och {w} varningar i granskningen",
        "Check: {e} errors and {w} warnings in the audit",
    ),
    ("Konton i registret", "Accounts in the register"),
    ("Undantagna", "Excluded"),
    ("Granskade konton", "Audited accounts"),
    ("Besvarade i tid", "Answered in time"),
    ("av", "of"),
    (
        "95 % konfidensintervall för andelen i tid",
        "95 % confidence interval of the in-time share",
    ),
    ("Besvarade för sent", "Answered late"),
    ("Obesvarade", "Unanswered"),
    ("Väntar på svar", "Awaiting an answer"),
    ("Fråga ej ställd", "Question not posted"),
    ("Signerade med förnamn", "Signed with a first name"),
    ("besvarade", "answered"),
    (
        "Svarstid, median (kvartiler)",
        "Response time, median (quartiles)",
    ),
    (
        "Svarstid i arbetstimmar, median (kvartiler)",
        "Response time in working hours, median (quartiles)",
    ),
    ("Inga konton.", "No accounts."),
    ("Granskade", "Audited"),
    ("I tid", "In time"),
    ("Andel i tid", "In-time share"),
    ("95 % KI", "95 % CI"),
    ("Sent", "Late"),
    ("Väntar", "Pending"),
    ("Signerade", "Signed"),
    ("Median svarstid", "Median response time"),
    (
        "Andel besvarade i tid per plattform (95 % konfidensintervall)",
        "Share answered in time by platform (95 % confidence interval)",
    ),
    ("Inga avgjorda frågor än.", "No decided questions yet."),
    ("% i tid", "% in time"),
    ("i tid", "in time"),
    (
        "Svarstider (timmar från fråga till svar)",
        "Response times (hours from question to answer)",
    ),
    ("Inga besvarade frågor än.", "No answered questions yet."),
    ("timmar", "hours"),
    ("antal svar", "answers"),
    ("svar", "answers"),
    (
        "Jämförelse med en tidigare granskning",
        "Comparison with an earlier audit",
    ),
    (
        "Hämta siffror från en granskningsfil …",
        "Take the figures from an audit file …",
    ),
    ("Skriv in siffror", "Type the figures"),
    ("Ta bort jämförelsen", "Remove the comparison"),
    ("Granskning (t.ex. år)", "Audit (e.g. year)"),
    ("Signerade (om känt)", "Signed (if known)"),
    ("känt", "known"),
    ("Tidigare", "Earlier"),
    (
        "Granska om kommunens konton i sociala medier svarar på frågor i tid: ställ en fråga, logga när den besvaras och skriv rapporten till nämnden.",
        "Audit whether the municipality's social-media accounts answer questions in time: post a question, log when it is answered and write the report for the committee.",
    ),
    ("Ny granskning från mall", "New audit from a template"),
    ("Ny granskning:", "New audit:"),
    ("Öppna", "Open"),
    ("Öppna granskning …", "Open audit …"),
    ("Skriv sökväg …", "Type a path …"),
    (
        "Öppna exemplet (grundskola 2019)",
        "Open the example (schools 2019)",
    ),
    (
        "Öppnas som en kopia: exempelfilen ändras inte.",
        "Opens as a copy: the example file is not changed.",
    ),
    ("Senaste granskningar", "Recent audits"),
    ("Inga än.", "None yet."),
    ("(filen finns inte längre)", "(the file no longer exists)"),
    (
        "Tips: dra en granskningsfil (.svarskoll.ron) till fönstret för att öppna den.",
        "Tip: drop an audit file (.svarskoll.ron) on the window to open it.",
    ),
    ("arbetstimmar", "working hours"),
    (
        "flyttas till nästa arbetsdag",
        "moved to the next working day",
    ),
    ("högst", "at most"),
    ("förnamn krävs", "first name required"),
    ("ingen signatur krävs", "no signature required"),
    (
        "Frågan är besvarad: töm Besvarad först.",
        "The question is answered: clear Answered first.",
    ),
    (
        "är inte en tid: skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2019-03-12 10:00",
        "is not a time: write YYYY-MM-DD HH:MM, e.g. 2019-03-12 10:00",
    ),
    (
        "finns inte (klockan ställdes fram). Tiden flyttades framåt",
        "does not exist (the clocks went forward). The time was moved forward",
    ),
    (
        "finns två gånger (klockan ställdes tillbaka); den första, sommartid, används.",
        "occurs twice (the clocks went back); the first, summer-time one is used.",
    ),
    ("ligger i framtiden.", "is in the future."),
    (
        "Frågan är inte ställd: fyll i Ställd först.",
        "The question is not posted: fill in Posted first.",
    ),
    ("Besvarad före ställd", "Answered before posted"),
    ("Ställd efter besvarad", "Posted after answered"),
    ("Svarsfrist", "Deadline"),
    ("Start", "Start"),
    ("Granskning", "Audit"),
    ("Konton", "Accounts"),
    ("Frågor och logg", "Questions and log"),
    ("Resultat", "Results"),
    ("Rapport", "Report"),
    ("Öppna granskning", "Open audit"),
    ("Spara granskningen som", "Save the audit as"),
    (
        "Importera konton och logg (CSV)",
        "Import accounts and log (CSV)",
    ),
    ("Exportera rapporten som PDF", "Export the report as PDF"),
    (
        "Öppna en tidigare granskning att jämföra med",
        "Open an earlier audit to compare with",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_no_duplicate_keys_and_fills_placeholders() {
        let mut seen = std::collections::HashSet::new();
        for (sv, en) in TABLE {
            assert!(seen.insert(*sv), "duplicate key {sv}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(sv), count(en), "placeholders differ: {sv} / {en}");
        }
        assert_eq!(tr(Lang::En, "Konton"), "Accounts");
        assert_eq!(tr(Lang::Sv, "Konton"), "Konton");
        assert_eq!(fill("{n} konton", &[("n", 3)]), "3 konton");
    }

    /// Every `t("…")` in the screens has an English entry.
    #[test]
    fn every_ui_string_is_translated() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("command.rs"),
            include_str!("file_ops.rs"),
            include_str!("shell/banners.rs"),
            include_str!("shell/file_dialog.rs"),
            include_str!("shell/input.rs"),
            include_str!("shell/menus.rs"),
            include_str!("shell/modals.rs"),
            include_str!("shell/side_bar.rs"),
            include_str!("start.rs"),
            include_str!("audit.rs"),
            include_str!("accounts/mod.rs"),
            include_str!("accounts/editor.rs"),
            include_str!("accounts/table.rs"),
            include_str!("log/mod.rs"),
            include_str!("log/evidence.rs"),
            include_str!("log/table.rs"),
            include_str!("results.rs"),
            include_str!("report.rs"),
            include_str!("preview.rs"),
            include_str!("widgets.rs"),
        ];
        let mut missing = Vec::new();
        for source in sources {
            for (i, _) in source.match_indices("t(\"") {
                // Only a call of `t` itself, not `shortcut_text("…")` and the like.
                let before = source[..i].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let rest = &source[i + 3..];
                let Some(end) = rest.find('"') else { continue };
                let key = &rest[..end];
                if !ENGLISH.contains_key(key) {
                    missing.push(key.to_owned());
                }
            }
        }
        assert!(missing.is_empty(), "no English for: {missing:#?}");
    }
}
