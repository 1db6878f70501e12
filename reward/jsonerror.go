package reward

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// describeJSONError describes a decoding error in the terms of the file
// format rather than of Go types.
func describeJSONError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if !errors.As(err, &typeErr) {
		return err.Error()
	}
	field := typeErr.Field[strings.LastIndexByte(typeErr.Field, '.')+1:]
	var want string
	switch typeErr.Type.Kind() {
	case reflect.Float64:
		if strings.HasPrefix(typeErr.Value, "number") {
			return fmt.Sprintf("%q: %s is out of range", field, typeErr.Value)
		}
		want = "a number"
	case reflect.Int:
		want = "an integer"
	case reflect.String:
		want = "a string"
	case reflect.Map:
		want = "an object of emotion: probability"
	default:
		return err.Error()
	}
	return fmt.Sprintf("%q: %s where %s belongs", field, typeErr.Value, want)
}
