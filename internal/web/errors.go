package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"dossier"
)

// statusOf maps an error to its HTTP status. It is the one place where the error kinds
// of the root package meet HTTP.
func statusOf(err error) int {
	var inputErr *dossier.InputError
	var maxBytes *http.MaxBytesError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.As(err, &maxBytes):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, dossier.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, dossier.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, dossier.ErrUnsupported):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, dossier.ErrInvalid), errors.As(err, &inputErr):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON shape of every error answer.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v as JSON with the given status.
func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		s.log.Debug("write response", "err", err)
	}
}

// fail writes err as a JSON error with the status its kind maps to. Server errors are
// logged and answered with a generic message so that internals do not leak.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	} else {
		s.log.Debug("request refused", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	s.writeJSON(w, status, errorBody{Error: msg})
}

// discardLogger returns a logger that drops everything, used when Options.Logger is nil.
func discardLogger() *slog.Logger {
	return slog.New(slog.DiscardHandler)
}
