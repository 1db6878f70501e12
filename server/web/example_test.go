package web_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/emovox/emovox/server/web"
)

// Serving the page at the root of a server; the API goes beside it.
func ExampleHandler() {
	mux := http.NewServeMux()
	mux.Handle("GET /", web.Handler())
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, path := range []string{"/", "/app.js", "/missing"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		fmt.Println(path, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	// Output:
	// / 200 text/html; charset=utf-8
	// /app.js 200 text/javascript; charset=utf-8
	// /missing 404 text/plain; charset=utf-8
}
