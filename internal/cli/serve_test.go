package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader at a time.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeAndShutdown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	mustRun(t, db, nil, "ingest", shared("seed", "brief-27.txt"))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &stdout, &stderr)
	}()
	addrRE := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var addr string
	for deadline := time.Now().Add(20 * time.Second); addr == "" && time.Now().Before(deadline); {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d before listening: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if m := addrRE.FindStringSubmatch(stderr.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("serve did not report its address: %s", stderr.String())
	}
	resp, err := http.Get("http://" + addr + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	var body any
	err = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || err != nil {
		t.Errorf("GET /api/documents: %s, %v", resp.Status, err)
	}
	if !strings.Contains(toJSON(body), "5th Security Dialogue on Afghanistan") {
		t.Errorf("GET /api/documents does not list the seed brief: %.300s", toJSON(body))
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d after the context was cancelled: %s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down after the context was cancelled")
	}
	if _, err := http.Get("http://" + addr + "/api/documents"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestServeRejectsBadAddr(t *testing.T) {
	r := run(t, filepath.Join(t.TempDir(), "d.db"), nil, "serve", "--addr", "no-port")
	if r.code != 2 || !strings.Contains(r.stderr, "no-port") {
		t.Errorf("serve --addr no-port: exit %d, stderr %q; want 2 naming the address", r.code, r.stderr)
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
