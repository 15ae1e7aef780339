//! Abbreviations after which a period does not end a sentence.

/// Lower-case abbreviations (without their final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "cpt", "sgt", "cpl", "adm", "brig", "cmdr",
    "gov", "sen", "rep", "pres", "amb", "hon", "rev", "st", "mt", "no", "nos", "art", "sec", "vol", "ch", "fig", "pp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp",
    "dept", "est", "approx", "vs", "cf", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a", "a.m", "p.m", "jr", "sr", "rs",
    "ca", "nr",
];

/// US states as the AP writes them after a town ("DOVER, Del. (AP) –"):
/// abbreviations only after a comma, as a sentence may well end on "Ind.".
const STATES: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass",
    "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa",
    "r.i", "s.c", "s.d", "tenn", "tex", "vt", "va", "wash", "w.va", "wis", "wyo",
];

/// True when `s` ends with an abbreviation and its period, or with a single
/// capital initial ("J.").
pub fn ends_with_abbreviation(s: &str) -> bool {
    let t = s.trim_end();
    let Some(body) = t.strip_suffix('.') else { return false };
    let word = body.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let after_comma = body[..body.len() - word.len()].trim_end().ends_with(',');
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        || after_comma && STATES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_abbreviations() {
        assert!(ends_with_abbreviation("the U.S."));
        assert!(ends_with_abbreviation("Maj. Gen."));
        assert!(ends_with_abbreviation("(No."));
        assert!(ends_with_abbreviation("by J."));
        assert!(ends_with_abbreviation("Acme INC."));
        assert!(ends_with_abbreviation("at 9 A.M."));
        assert!(!ends_with_abbreviation("in 2019."));
        assert!(!ends_with_abbreviation("heroin."));
        assert!(ends_with_abbreviation("DOVER, Del."));
        assert!(!ends_with_abbreviation("seized in Indiana and Del."));
    }
}
