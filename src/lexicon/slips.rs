//! The slips of a typist's fingers: the words one slip away from a word
//! (a letter dropped, doubled, swapped with its neighbour, or struck on the
//! key beside it), each with how likely that slip is. The typos pass ranks
//! its corrections with them; casing asks whether a word may be a slip of
//! a commoner one before trusting it as a name.

/// The letters next to each letter on a QWERTY keyboard, for the slips of
/// a finger.
pub fn keyboard_neighbours(c: u8) -> &'static [u8] {
    match c {
        b'q' => b"wa",
        b'w' => b"qeas",
        b'e' => b"wrsd",
        b'r' => b"etdf",
        b't' => b"ryfg",
        b'y' => b"tugh",
        b'u' => b"yihj",
        b'i' => b"uojk",
        b'o' => b"ipkl",
        b'p' => b"ol",
        b'a' => b"qwsz",
        b's' => b"awedxz",
        b'd' => b"serfcx",
        b'f' => b"drtgvc",
        b'g' => b"ftyhbv",
        b'h' => b"gyujnb",
        b'j' => b"huikmn",
        b'k' => b"jiolm",
        b'l' => b"kop",
        b'z' => b"asx",
        b'x' => b"zsdc",
        b'c' => b"xdfv",
        b'v' => b"cfgb",
        b'b' => b"vghn",
        b'n' => b"bhjm",
        b'm' => b"njk",
        _ => b"",
    }
}

/// How likely a typist is to make one edit, against the likeliest
/// (a neighbouring key, two letters swapped, a letter doubled or dropped
/// from a double), so that a common word reached by an unlikely edit does
/// not outrank a rarer one reached by a likely edit.
pub const LIKELY: f64 = 1.0;
pub const VOWEL_FOR_VOWEL: f64 = 0.6;
pub const LETTER_DROPPED: f64 = 0.5;
pub const STRAY_LETTER: f64 = 0.3;
pub const OTHER_LETTER: f64 = 0.15;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Calls `f` with every word one edit away from `word` and how likely the
/// edit is as a slip: a letter dropped, two neighbours swapped, a letter
/// replaced, a letter added. With `slips_only`, replacements and additions
/// are limited to the keys next to a letter and to doubling it.
pub fn edits(word: &[u8], slips_only: bool, f: &mut dyn FnMut(&[u8], f64)) {
    edits_within(word, slips_only, (usize::MAX, usize::MAX), f);
}

/// Like [`edits`], only the edits that keep at most `kept.0` bytes of the
/// word's beginning before them and at most `kept.1` of its ending after
/// them: when no listed word begins with more of it or ends with more of
/// it (see `dictionary::listed_affixes`), the other edits make no listed
/// word.
pub fn edits_within(
    word: &[u8],
    slips_only: bool,
    kept: (usize, usize),
    f: &mut dyn FnMut(&[u8], f64),
) {
    const MAX: usize = 34;
    let n = word.len();
    if n + 1 > MAX {
        return;
    }
    let (head, tail) = kept;
    // An edit at `i` keeps `word[..i]` before it and `after` bytes after.
    let within = |i: usize, after: usize| i <= head && after <= tail;
    let mut buf = [0u8; MAX];
    let near = |a: u8, b: u8| a == b || keyboard_neighbours(a).contains(&b);
    // The typist added word[i]: likely when it doubles or sits beside a
    // neighbouring letter's key.
    for i in 0..n {
        if !within(i, n - i - 1) {
            continue;
        }
        buf[..i].copy_from_slice(&word[..i]);
        buf[i..n - 1].copy_from_slice(&word[i + 1..]);
        let beside =
            (i > 0 && near(word[i - 1], word[i])) || (i + 1 < n && near(word[i + 1], word[i]));
        f(&buf[..n - 1], if beside { LIKELY } else { STRAY_LETTER });
    }
    for i in 0..n.saturating_sub(1) {
        if word[i] == word[i + 1] || !within(i, n - i - 2) {
            continue;
        }
        buf[..n].copy_from_slice(word);
        buf.swap(i, i + 1);
        f(&buf[..n], LIKELY);
    }
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    for i in 0..n {
        if !within(i, n - i - 1) {
            continue;
        }
        buf[..n].copy_from_slice(word);
        let letters = if slips_only {
            keyboard_neighbours(word[i])
        } else {
            ALPHABET
        };
        for &c in letters {
            if c != word[i] {
                buf[i] = c;
                let weight = if keyboard_neighbours(word[i]).contains(&c) {
                    LIKELY
                } else if is_vowel(c) && is_vowel(word[i]) {
                    VOWEL_FOR_VOWEL
                } else {
                    OTHER_LETTER
                };
                f(&buf[..n], weight);
            }
        }
    }
    // The typist dropped a letter: likeliest from a double.
    for i in 0..=n {
        if !within(i, n - i) {
            continue;
        }
        buf[..i].copy_from_slice(&word[..i]);
        buf[i + 1..n + 1].copy_from_slice(&word[i..]);
        let doubles = |c: u8| (i > 0 && word[i - 1] == c) || (i < n && word[i] == c);
        if slips_only {
            let mut extra = [0u8; 16];
            let mut k = 0;
            for &side in [i.checked_sub(1), (i < n).then_some(i)].iter().flatten() {
                for &c in std::iter::once(&word[side]).chain(keyboard_neighbours(word[side])) {
                    if k < extra.len() {
                        extra[k] = c;
                        k += 1;
                    }
                }
            }
            for &c in &extra[..k] {
                buf[i] = c;
                f(
                    &buf[..n + 1],
                    if doubles(c) { LIKELY } else { LETTER_DROPPED },
                );
            }
        } else {
            for &c in ALPHABET {
                buf[i] = c;
                f(
                    &buf[..n + 1],
                    if doubles(c) { LIKELY } else { LETTER_DROPPED },
                );
            }
        }
    }
}

/// True when lowercase `word` is one likely slip (a swap, a neighbouring
/// key, a doubled or dropped letter) away from an English word more
/// common than itself: then `handel` may be `handle` mistyped as much as
/// the composer, and `herat` `heart`.
pub fn is_slip_of_commoner_word(word: &str) -> bool {
    let b = word.as_bytes();
    if !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let own = super::dictionary::frequency(word);
    let mut found = false;
    // Only edits that can make a listed word: the others have no frequency.
    let kept = super::dictionary::listed_affixes(b);
    edits_within(b, true, kept, &mut |c, p| {
        if found || p < LIKELY {
            return;
        }
        if let Ok(c) = std::str::from_utf8(c) {
            found = super::dictionary::frequency(c) > own && !super::dictionary::is_name(c);
        }
    });
    found
}
