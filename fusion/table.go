package fusion

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/emovox/emovox/metrics"
)

// Outcome is the result of one system in one setting of an experiment:
// the test reports of every run and fold, or an explanation of why there
// are none.
type Outcome struct {
	// Reports[r][k] is run r on fold k.
	Reports [][]*metrics.Report
	// Missing, when there are no reports, says why (for example "no
	// recogniser in this build").
	Missing string
}

// Summary returns WA and UA over all evaluations (folds × runs): their
// mean and population standard deviation, and the number of evaluations.
func (r Outcome) Summary() (wa, ua metrics.Summary) {
	var was, uas []float64
	for _, run := range r.Reports {
		for _, rep := range run {
			was = append(was, rep.WA)
			uas = append(uas, rep.UA)
		}
	}
	return metrics.Summarize(was), metrics.Summarize(uas)
}

// Row is a line of a results table: a system, the transcripts its text
// branch read, and its outcome in every setting (column group) of the
// table.
type Row struct {
	System      string
	Transcripts string
	Results     []Outcome
}

// WriteTable writes rows as a Markdown table with a WA and a UA column
// for each setting, as "mean ± std" in percent; a missing result reads
// "n/a" and its reason is footnoted below the table, each reason once.
func WriteTable(w io.Writer, settings []string, rows []Row) error {
	var b strings.Builder
	b.WriteString("| system | transcripts |")
	for _, s := range settings {
		fmt.Fprintf(&b, " %s WA | %s UA |", s, s)
	}
	b.WriteString("\n|---|---|")
	b.WriteString(strings.Repeat("---|---|", len(settings)))
	b.WriteString("\n")
	var notes []string
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s | %s |", row.System, row.Transcripts)
		for i := range settings {
			var res Outcome
			if i < len(row.Results) {
				res = row.Results[i]
			}
			if len(res.Reports) == 0 {
				n := slices.Index(notes, res.Missing) + 1
				if n == 0 {
					notes = append(notes, res.Missing)
					n = len(notes)
				}
				fmt.Fprintf(&b, " n/a [%d] | n/a |", n)
				continue
			}
			wa, ua := res.Summary()
			fmt.Fprintf(&b, " %s | %s |", percent(wa), percent(ua))
		}
		b.WriteString("\n")
	}
	for i, n := range notes {
		fmt.Fprintf(&b, "\n[%d] %s", i+1, n)
	}
	if len(notes) > 0 {
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// percent formats a summary of rates as "mean ± std" in percent.
func percent(s metrics.Summary) string {
	return fmt.Sprintf("%.1f ± %.1f", 100*s.Mean, 100*s.Std)
}
