// Package dedup sketches texts for near-duplicate detection: a MinHash signature over word
// shingles (three-word windows of lower-cased words) and its locality-sensitive band keys.
// Two texts whose signatures agree in at least Threshold of their positions share about
// that fraction of their shingles: a wire story republished with a new headline, an
// updated paragraph or a dropped sentence. Exact duplicates are the store's business
// (same document id).
//
// A sketch is SignatureSize 32-bit minima, little-endian, in a byte slice the store keeps
// without knowing its shape. Bands cuts it into NumBands bands of BandRows values and
// hashes each: two texts with shingle similarity s share at least one band with
// probability 1-(1-s^BandRows)^NumBands (0.93 at s = 0.5, 0.07 at s = 0.15), so a store
// finds candidates by equality and confirms them with Near.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// Sketch dimensions.
const (
	ShingleSize   = 3                   // words in a shingle
	NumBands      = 20                  // band keys per sketch
	BandRows      = 3                   // signature values per band
	SignatureSize = NumBands * BandRows // MinHash values per sketch
	sketchBytes   = SignatureSize * 4   // encoded size
	Threshold     = 0.5                 // least estimated similarity of near duplicates
	seed0         = 0x9E3779B97F4A7C15  // first of the per-position seeds
	seedStep      = 0xBF58476D1CE4E5B9  // added for each next position
)

// Sketch returns the MinHash signature of text's word shingles, or nil for a text
// without words. Texts shorter than a shingle are hashed word by word.
func Sketch(text string) []byte {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return nil
	}
	var sig [SignatureSize]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	add := func(s string) {
		h := fnv.New64a()
		h.Write([]byte(s))
		x := h.Sum64()
		seed := uint64(seed0)
		for i := range sig {
			if v := uint32(mix(x ^ seed)); v < sig[i] {
				sig[i] = v
			}
			seed += seedStep
		}
	}
	if len(words) < ShingleSize {
		for _, w := range words {
			add(w)
		}
	} else {
		for i := 0; i+ShingleSize <= len(words); i++ {
			add(strings.Join(words[i:i+ShingleSize], " "))
		}
	}
	out := make([]byte, sketchBytes)
	for i, v := range sig {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// Bands returns the band keys of a sketch (nil for a malformed one): equal keys at the same
// index make two sketches candidates.
func Bands(sketch []byte) []uint64 {
	if len(sketch) != sketchBytes {
		return nil
	}
	keys := make([]uint64, NumBands)
	for b := range keys {
		h := fnv.New64a()
		h.Write([]byte{byte(b)})
		h.Write(sketch[4*BandRows*b : 4*BandRows*(b+1)])
		keys[b] = h.Sum64()
	}
	return keys
}

// Similarity estimates the shingle similarity (Jaccard index) of the texts of two
// sketches: the fraction of positions where their minima agree. Malformed sketches
// have similarity 0.
func Similarity(a, b []byte) float64 {
	if len(a) != sketchBytes || len(b) != sketchBytes {
		return 0
	}
	same := 0
	for i := 0; i < sketchBytes; i += 4 {
		if binary.LittleEndian.Uint32(a[i:]) == binary.LittleEndian.Uint32(b[i:]) {
			same++
		}
	}
	return float64(same) / SignatureSize
}

// Near reports whether two sketches are near duplicates: estimated similarity at least
// Threshold.
func Near(a, b []byte) bool { return Similarity(a, b) >= Threshold }

// mix is a 64-bit finalizer (splitmix64) that spreads the bits of a seeded hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
