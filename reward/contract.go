package reward

import "fmt"

// A signature drift fails to compile here.
var (
	_ error        = (*LineError)(nil)
	_ fmt.Stringer = Map{}
)
