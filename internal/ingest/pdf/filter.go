package pdf

import (
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	"dossier"
)

// errImageData marks a stream holding image data (DCT, JPX, CCITT, JBIG2): no text.
var errImageData = errors.New("image data")

// errBudget reports that decoded streams would exceed the document's budget.
var errBudget = fmt.Errorf("decompressed streams exceed the limit (a decompression bomb?): %w", dossier.ErrInvalid)

// budget bounds the bytes all decoded streams of one document may take.
type budget struct{ left int64 }

func (b *budget) take(n int64) error {
	if n > b.left {
		b.left = 0
		return errBudget
	}
	b.left -= n
	return nil
}

// readBounded reads r up to the budget left, charging what it read.
func (b *budget) readBounded(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, b.left+1))
	if int64(len(data)) > b.left {
		b.left = 0
		return nil, errBudget
	}
	b.left -= int64(len(data))
	return data, err
}

func (d *document) filters(s *stream) ([]name, []dict) {
	var fs []name
	var ps []dict
	switch f := d.resolve(s.dict["Filter"]).(type) {
	case name:
		fs = []name{f}
	case []object:
		for _, o := range f {
			if n, ok := d.resolve(o).(name); ok {
				fs = append(fs, n)
			}
		}
	}
	switch p := d.resolve(s.dict["DecodeParms"]).(type) {
	case dict:
		ps = []dict{p}
	case []object:
		for _, o := range p {
			pd, _ := d.resolve(o).(dict)
			ps = append(ps, pd)
		}
	}
	return fs, ps
}

// decode returns the decoded data of s, within the document's budget.
func (d *document) decode(s *stream) ([]byte, error) {
	fs, ps := d.filters(s)
	data := s.data
	for i, f := range fs {
		var parms dict
		if i < len(ps) {
			parms = ps[i]
		}
		var err error
		switch f {
		case "FlateDecode", "Fl":
			data, err = d.inflate(data)
			if err == nil {
				data, err = d.predict(data, parms)
			}
		case "LZWDecode", "LZW":
			r := lzw.NewReader(bytes.NewReader(data), lzw.MSB, 8)
			data, err = d.budget.readBounded(r)
			r.Close()
			if err != nil && len(data) > 0 && !errors.Is(err, errBudget) {
				err = nil
			}
			if err == nil {
				data, err = d.predict(data, parms)
			}
		case "ASCIIHexDecode", "AHx":
			l := lexer{b: append([]byte{'<'}, data...)}
			data = l.hexString()
		case "ASCII85Decode", "A85":
			data, err = ascii85(data)
		case "RunLengthDecode", "RL":
			data, err = d.runLength(data)
		case "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode":
			return nil, errImageData
		case "Crypt":
			return nil, fmt.Errorf("encrypted stream: %w", dossier.ErrUnsupported)
		default:
			return nil, fmt.Errorf("unknown stream filter %s: %w", f, dossier.ErrUnsupported)
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// inflate decodes zlib (or raw deflate) data, keeping what a truncated stream gives.
func (d *document) inflate(data []byte) ([]byte, error) {
	var r io.ReadCloser
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		r = flate.NewReader(bytes.NewReader(data))
	} else {
		r = zr
	}
	defer r.Close()
	out, err := d.budget.readBounded(r)
	if errors.Is(err, errBudget) {
		return nil, err
	}
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("corrupt compressed stream: %v: %w", err, dossier.ErrInvalid)
	}
	return out, nil
}

func (d *document) runLength(data []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			end := min(i+n+1, len(data))
			if err := d.budget.take(int64(end - i)); err != nil {
				return nil, err
			}
			out = append(out, data[i:end]...)
			i = end
		default:
			if i >= len(data) {
				return out, nil
			}
			if err := d.budget.take(int64(257 - n)); err != nil {
				return nil, err
			}
			out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			i++
		}
	}
	return out, nil
}

// ascii85 decodes ASCII base-85 data up to its "~>" end marker.
func ascii85(data []byte) ([]byte, error) {
	var out []byte
	var group [5]byte
	n := 0
	for _, c := range data {
		switch {
		case isWhite(c):
			continue
		case c == '~':
			goto end
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
			continue
		case c < '!' || c > 'u':
			return nil, fmt.Errorf("bad ASCII85 data: %w", dossier.ErrInvalid)
		}
		group[n] = c - '!'
		n++
		if n == 5 {
			var v uint32
			for _, g := range group {
				v = v*85 + uint32(g)
			}
			out = append(out, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
			n = 0
		}
	}
end:
	if n > 1 {
		for k := n; k < 5; k++ {
			group[k] = 84
		}
		var v uint32
		for _, g := range group {
			v = v*85 + uint32(g)
		}
		b := []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:n-1]...)
	}
	return out, nil
}

// predict undoes PNG predictors (Predictor >= 10); TIFF predictor 2 is left as is.
func (d *document) predict(data []byte, parms dict) ([]byte, error) {
	if parms == nil {
		return data, nil
	}
	pred, _ := d.resolve(parms["Predictor"]).(int64)
	if pred < 10 {
		return data, nil
	}
	cols := intOr(d.resolve(parms["Columns"]), 1)
	colors := intOr(d.resolve(parms["Colors"]), 1)
	bpc := intOr(d.resolve(parms["BitsPerComponent"]), 8)
	if cols <= 0 || cols > 1<<20 || colors <= 0 || colors > 32 || bpc <= 0 || bpc > 16 {
		return nil, fmt.Errorf("bad predictor parameters: %w", dossier.ErrInvalid)
	}
	bpp := max(1, colors*bpc/8)
	rowLen := (cols*colors*bpc + 7) / 8
	var out []byte
	prev := make([]byte, rowLen)
	for i := 0; i+1 <= len(data); i += rowLen + 1 {
		ft := data[i]
		end := min(i+1+rowLen, len(data))
		row := make([]byte, rowLen)
		copy(row, data[i+1:end])
		for k := 0; k < rowLen; k++ {
			var left, up, ul byte
			if k >= bpp {
				left = row[k-bpp]
				ul = prev[k-bpp]
			}
			up = prev[k]
			switch ft {
			case 1:
				row[k] += left
			case 2:
				row[k] += up
			case 3:
				row[k] += byte((int(left) + int(up)) / 2)
			case 4:
				row[k] += paeth(left, up, ul)
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func intOr(o object, def int) int {
	switch v := o.(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return def
}

func num(o object) (float64, bool) {
	switch v := o.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
