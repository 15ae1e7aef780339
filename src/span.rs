//! Byte spans into the original file, and the map from cleaned text back to it.
//!
//! Every offset narcofacts reports is a UTF-8 byte offset into the *original*
//! file, half-open `[start, end)`. Cleaning (decoding, HTML extraction) produces
//! a text whose offsets differ; [`OffsetMap`] carries them back. This module
//! never reads files.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped up to `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, or `None` when it is out of bounds or not on
    /// character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// The span moved right by `by` bytes.
    pub fn shift(&self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }
}

/// One piece of an [`OffsetMap`]: the cleaned range `clean` came from the
/// original range `orig`. When both have the same length the bytes map one to
/// one; otherwise (an HTML entity, a re-encoded character) the piece maps as a
/// whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    clean_start: usize,
    clean_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// Maps byte offsets in a cleaned text back to byte offsets in the original file.
///
/// Built by appending pieces in order with [`OffsetMap::push`]; consecutive
/// one-to-one pieces are merged, so a plain UTF-8 file costs a single piece.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    clean_len: usize,
}

impl OffsetMap {
    /// The identity map for a text of `len` bytes that starts `origin` bytes into the file.
    pub fn identity(origin: usize, len: usize) -> OffsetMap {
        let mut map = OffsetMap::default();
        map.push(len, Span::new(origin, origin + len));
        map
    }

    /// Appends `clean_len` cleaned bytes that came from `orig` in the file.
    pub fn push(&mut self, clean_len: usize, orig: Span) {
        let piece = Piece {
            clean_start: self.clean_len,
            clean_end: self.clean_len + clean_len,
            orig_start: orig.start,
            orig_end: orig.end,
        };
        self.clean_len += clean_len;
        if let Some(last) = self.pieces.last_mut() {
            let last_linear = last.clean_end - last.clean_start == last.orig_end - last.orig_start;
            let linear = clean_len == orig.len();
            if last_linear && linear && last.clean_end == piece.clean_start && last.orig_end == piece.orig_start {
                last.clean_end = piece.clean_end;
                last.orig_end = piece.orig_end;
                return;
            }
        }
        self.pieces.push(piece);
    }

    /// Appends every piece of `other`, a map of the cleaned text that follows.
    pub fn append(&mut self, other: &OffsetMap) {
        for p in &other.pieces {
            self.push(p.clean_end - p.clean_start, Span::new(p.orig_start, p.orig_end));
        }
    }

    /// Length of the cleaned text this map covers.
    pub fn clean_len(&self) -> usize {
        self.clean_len
    }

    fn find(&self, pos: usize, as_end: bool) -> Option<&Piece> {
        // The piece holding `pos` (for an end offset: holding `pos - 1`).
        let key = if as_end && pos > 0 { pos - 1 } else { pos };
        let idx = self.pieces.partition_point(|p| p.clean_end <= key);
        self.pieces.get(idx).or_else(|| self.pieces.last())
    }

    fn map_pos(&self, pos: usize, as_end: bool) -> usize {
        let Some(p) = self.find(pos, as_end) else { return pos };
        let clean_len = p.clean_end - p.clean_start;
        let orig_len = p.orig_end - p.orig_start;
        if clean_len == orig_len {
            let pos = pos.clamp(p.clean_start, p.clean_end);
            p.orig_start + (pos - p.clean_start)
        } else if as_end {
            if pos <= p.clean_start {
                p.orig_start
            } else {
                p.orig_end
            }
        } else if pos >= p.clean_end {
            p.orig_end
        } else {
            p.orig_start
        }
    }

    /// The map from this map's cleaned text through `outer`: when this map
    /// leads into an intermediate text (decoded HTML) and `outer` leads from
    /// that text to the file, the result leads from the cleaned text to the file.
    pub fn compose(&self, outer: &OffsetMap) -> OffsetMap {
        let mut out = OffsetMap::default();
        for p in &self.pieces {
            let clean_len = p.clean_end - p.clean_start;
            let mid_len = p.orig_end - p.orig_start;
            if clean_len != mid_len || outer.pieces.is_empty() {
                out.push(clean_len, outer.to_original(Span::new(p.orig_start, p.orig_end)));
                continue;
            }
            // A one-to-one piece: split it where `outer` changes pieces.
            let mut at = p.orig_start;
            while at < p.orig_end {
                let q = outer.find(at, false).copied();
                let stop = q.map_or(p.orig_end, |q| q.clean_end.clamp(at + 1, p.orig_end));
                out.push(stop - at, outer.to_original(Span::new(at, stop)));
                at = stop;
            }
        }
        out
    }

    /// Maps a cleaned span to the original file.
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.map_pos(span.start, false);
            return Span::new(at, at);
        }
        Span::new(self.map_pos(span.start, false), self.map_pos(span.end, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_is_a_shift() {
        let map = OffsetMap::identity(3, 10);
        assert_eq!(map.to_original(Span::new(0, 4)), Span::new(3, 7));
        assert_eq!(map.to_original(Span::new(9, 10)), Span::new(12, 13));
    }

    #[test]
    fn whole_pieces_map_as_a_whole() {
        // "a&amp;b" cleaned to "a&b".
        let mut map = OffsetMap::default();
        map.push(1, Span::new(0, 1));
        map.push(1, Span::new(1, 6));
        map.push(1, Span::new(6, 7));
        assert_eq!(map.to_original(Span::new(0, 3)), Span::new(0, 7));
        assert_eq!(map.to_original(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(map.to_original(Span::new(2, 3)), Span::new(6, 7));
    }

    #[test]
    fn linear_pieces_merge() {
        let mut map = OffsetMap::default();
        map.push(2, Span::new(0, 2));
        map.push(3, Span::new(2, 5));
        assert_eq!(map.pieces.len(), 1);
        map.push(3, Span::new(9, 12));
        assert_eq!(map.pieces.len(), 2);
        assert_eq!(map.to_original(Span::new(5, 7)), Span::new(9, 11));
        assert_eq!(map.to_original(Span::new(4, 6)), Span::new(4, 10));
    }

    #[test]
    fn composition_goes_through_both_maps() {
        // inner: "ab" from [0,2) and "c" from the entity [2,7); outer: BOM of 3 bytes.
        let mut inner = OffsetMap::default();
        inner.push(2, Span::new(0, 2));
        inner.push(1, Span::new(2, 7));
        let outer = OffsetMap::identity(3, 7);
        let c = inner.compose(&outer);
        assert_eq!(c.to_original(Span::new(0, 1)), Span::new(3, 4));
        assert_eq!(c.to_original(Span::new(2, 3)), Span::new(5, 10));
    }

    #[test]
    fn slice_checks_bounds_and_boundaries() {
        let s = "né";
        assert_eq!(Span::new(0, 1).slice(s), Some("n"));
        assert_eq!(Span::new(0, 2).slice(s), None);
        assert_eq!(Span::new(0, 9).slice(s), None);
    }
}
