// Package dedup fingerprints texts for near-duplicate detection: a 64-bit SimHash over
// word shingles (three-word windows of lower-cased words). Two texts whose fingerprints
// differ in few bits share most of their shingles: a wire story republished with a new
// headline or a changed paragraph. Exact duplicates are the store's business (same
// document id).
package dedup

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// ShingleSize is the number of words in a shingle.
const ShingleSize = 3

// MaxDistance is the largest Hamming distance at which Similar reports near duplicates.
const MaxDistance = 12

// Fingerprint returns the SimHash of text's word shingles; 0 for a text without words.
// Texts shorter than a shingle are hashed word by word.
func Fingerprint(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return 0
	}
	var v [64]int
	add := func(s string) {
		h := fnv.New64a()
		h.Write([]byte(s))
		x := mix(h.Sum64())
		for i := 0; i < 64; i++ {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
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
	var fp uint64
	for i := 0; i < 64; i++ {
		if v[i] > 0 {
			fp |= 1 << uint(i)
		}
	}
	return fp
}

// mix spreads the bits of an FNV hash (a 64-bit finalizer) so that similar shingles do
// not share bit patterns.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// Distance returns the number of bits in which a and b differ.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Similar reports whether two fingerprints are near duplicates (Distance at most
// MaxDistance). Zero fingerprints (texts without words) are never similar.
func Similar(a, b uint64) bool {
	return a != 0 && b != 0 && Distance(a, b) <= MaxDistance
}
