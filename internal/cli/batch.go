package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"dossier"
)

// maxBatchLine is the longest input line extract --batch accepts.
const maxBatchLine = 64 << 20

// extractFunc extracts from one text whose document date is date.
type extractFunc func(text string, date dossier.Date) *dossier.Extraction

// batchInput is one line of extract --batch input.
type batchInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Date string          `json:"date"`
}

// batchResult is one line of extract --batch output for an input that could be extracted.
type batchResult struct {
	ID        json.RawMessage    `json:"id"`
	Entities  []dossier.Entity   `json:"entities"`
	Relations []dossier.Relation `json:"relations"`
	Events    []dossier.Event    `json:"events"`
}

// batchError is one line of extract --batch output for an input that could not be.
type batchError struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// runBatch reads JSON Lines {"id","text","date"?} from r and writes one line per input line,
// in input order, to w: the extraction, or {"id":…,"error":…} for a line that cannot be
// extracted. Blank lines are not inputs and get no output. Output is flushed whenever the
// input has nothing more buffered, so that a caller can feed it one line at a time.
func runBatch(r io.Reader, w io.Writer, extract extractFunc) error {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriterSize(w, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, maxBatchLine)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			out := batchLine(line, tooLong, n, extract)
			if werr := writeJSONLine(bw, out); werr != nil {
				return fmt.Errorf("extract --batch: line %d: %w", n, werr)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("extract --batch: read line %d: %w", n, err)
		}
		if br.Buffered() == 0 {
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("extract --batch: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("extract --batch: %w", err)
	}
	return nil
}

// batchLine turns one input line into its output value.
func batchLine(line []byte, tooLong bool, n int, extract extractFunc) any {
	if tooLong {
		return batchError{ID: json.RawMessage("null"), Error: fmt.Sprintf("line %d: longer than %d bytes", n, maxBatchLine)}
	}
	var in batchInput
	if err := json.Unmarshal(line, &in); err != nil {
		return batchError{ID: json.RawMessage("null"), Error: fmt.Sprintf("line %d: not a JSON object: %v", n, err)}
	}
	id := in.ID
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	if in.Text == nil {
		return batchError{ID: id, Error: fmt.Sprintf("line %d: no \"text\" field", n)}
	}
	date, err := dossier.ParseDate(in.Date)
	if err != nil {
		return batchError{ID: id, Error: fmt.Sprintf("line %d: %v", n, err)}
	}
	ex := extract(*in.Text, date)
	ex.Normalize()
	return batchResult{ID: id, Entities: ex.Entities, Relations: ex.Relations, Events: ex.Events}
}

// readLine reads one line without its end-of-line. A line longer than max is read to its
// end and discarded, and tooLong is set. err is io.EOF after the last line.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+2 { // room for "\r\n"
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if len(buf) > max {
			tooLong, buf = true, nil
		}
		return buf, tooLong, err
	}
}
