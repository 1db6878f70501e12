package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
)

// apiKey checks the API key of requests. The zero value requires none.
type apiKey struct {
	sum *[sha256.Size]byte // SHA-256 of the key; nil: no key required
}

// newAPIKey returns the check for key; an empty key requires none.
func newAPIKey(key string) apiKey {
	if key == "" {
		return apiKey{}
	}
	sum := sha256.Sum256([]byte(key))
	return apiKey{sum: &sum}
}

// authorized reports whether r carries the server's API key, or whether
// none is required. It compares SHA-256 sums in constant time, so that
// neither the key nor its length leaks through timing.
func (s *Server) authorized(r *http.Request) bool {
	if s.key.sum == nil {
		return true
	}
	got := sha256.Sum256([]byte(requestKey(r)))
	return subtle.ConstantTimeCompare(got[:], s.key.sum[:]) == 1
}

// requestKey returns the key a request presents: "Authorization: Bearer
// KEY", else "X-API-Key: KEY", else the query parameter key.
func requestKey(r *http.Request) string {
	if auth := r.Header.Get("Authorization"); len(auth) > len("Bearer ") &&
		strings.EqualFold(auth[:len("Bearer ")], "Bearer ") {
		return strings.TrimSpace(auth[len("Bearer "):])
	}
	if key := r.Header.Get("X-API-Key"); key != "" {
		return key
	}
	return r.URL.Query().Get("key")
}
