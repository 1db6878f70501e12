package mlp

import "github.com/emovox/emovox/models"

// Compile-time checks that Model keeps the contracts it is used through.
var (
	_ models.Classifier = (*Model)(nil)
	_ models.Cloner     = (*Model)(nil)
)
