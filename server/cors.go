package server

import (
	"net/http"
	"slices"
)

// Headers a browser page may send to the API, and read from its responses.
const (
	corsAllowHeaders  = "Authorization, Content-Type, X-API-Key"
	corsExposeHeaders = "Retry-After"
	corsMaxAge        = "600" // seconds a browser may cache a preflight answer
)

// cors applies a Config's CORSOrigins. The zero value sends no CORS
// headers.
type cors struct {
	origins []string // allowed origins; empty: CORS off
	any     bool     // "*" is among them
}

// newCORS returns the CORS policy for the allowed origins.
func newCORS(origins []string) cors {
	return cors{origins: origins, any: slices.Contains(origins, "*")}
}

// handle adds the CORS headers to the response of a request from an
// allowed origin, and answers a preflight request (OPTIONS with
// Access-Control-Request-Method) with 204, reporting that it did; the
// answer to an origin not allowed carries no CORS header, so the browser
// refuses the call. allow lists the methods of the route.
func (c cors) handle(w http.ResponseWriter, r *http.Request, allow string) bool {
	origin := r.Header.Get("Origin")
	if len(c.origins) == 0 || origin == "" {
		return false
	}
	h := w.Header()
	h.Add("Vary", "Origin")
	allowed := c.any || slices.Contains(c.origins, origin)
	if allowed {
		if c.any {
			h.Set("Access-Control-Allow-Origin", "*")
		} else {
			h.Set("Access-Control-Allow-Origin", origin)
		}
		h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
	}
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	if allowed {
		h.Set("Access-Control-Allow-Methods", allow)
		h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
		h.Set("Access-Control-Max-Age", corsMaxAge)
	}
	w.WriteHeader(http.StatusNoContent)
	return true
}
