package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"

	"dossier"
)

// uploadResult is the answer to an upload.
type uploadResult struct {
	ID  string `json:"id"`
	New bool   `json:"new"`
}

// handleUpload stores the file of a multipart form (field "file") through Options.Ingest.
// The whole request is limited to MaxUpload bytes.
func (s *server) handleUpload(w http.ResponseWriter, r *http.Request) {
	if s.ingest == nil {
		s.writeJSON(w, http.StatusNotImplemented, errorBody{Error: "upload is not enabled on this server"})
		return
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		s.fail(w, r, fmt.Errorf("upload: want a multipart/form-data body: %w", dossier.ErrUnsupported))
		return
	}
	if r.ContentLength > s.maxUp {
		s.fail(w, r, uploadErr(&http.MaxBytesError{Limit: s.maxUp}))
		return
	}
	body := http.MaxBytesReader(w, r.Body, s.maxUp)
	mr := multipart.NewReader(body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			s.fail(w, r, fmt.Errorf("upload: no file field: %w", dossier.ErrInvalid))
			return
		}
		if err != nil {
			var mb *http.MaxBytesError
			if !errors.As(err, &mb) {
				err = fmt.Errorf("%v: %w", err, dossier.ErrInvalid) // a malformed multipart body
			}
			s.fail(w, r, uploadErr(err))
			return
		}
		if part.FormName() != "file" {
			_ = part.Close()
			continue
		}
		name := filepath.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
		if name == "" || name == "." || name == "/" {
			s.fail(w, r, fmt.Errorf("upload: the file has no name: %w", dossier.ErrInvalid))
			return
		}
		id, isNew, err := s.ingest(r.Context(), name, part)
		if err != nil {
			s.fail(w, r, uploadErr(err))
			return
		}
		status := http.StatusOK
		if isNew {
			status = http.StatusCreated
		}
		s.writeJSON(w, status, uploadResult{ID: id, New: isNew})
		return
	}
}

// uploadErr classifies a read error of the upload body.
func uploadErr(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return fmt.Errorf("upload: larger than %d bytes: %w", mb.Limit, err)
	}
	return fmt.Errorf("upload: %w", err)
}
