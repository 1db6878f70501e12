package reward_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/emovox/emovox/reward"
)

func ExampleParseMap() {
	f, err := reward.ParseMap("angry=-1, happy=1, neutral=0, sad=-0.5")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f, f.CheckRange(-1, 1))
	_, err = reward.ParseMap("angry=-1,happy")
	fmt.Println(err)
	// Output:
	// angry=-1,happy=1,neutral=0,sad=-0.5 <nil>
	// reward: malformed emotion map: entry "happy" in "angry=-1,happy", want emotion=value
}

func ExampleEq1() {
	f, _ := reward.ParseMap("angry=-1,happy=1,neutral=0,sad=-0.5")
	before := reward.Distribution{"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.2}
	after := reward.Distribution{"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}
	// A user model expected the reply to calm the user down less.
	expected := reward.Distribution{"angry": 0.4, "happy": 0.2, "neutral": 0.3, "sad": 0.1}
	r, err := reward.Eq1(f, before, after, expected)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.2f\n", r)
	// Output: 0.40
}

func ExampleEq2() {
	f, _ := reward.ParseMap("angry=-1,happy=1,neutral=0,sad=-0.5")
	before := reward.Distribution{"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.2}
	after := reward.Distribution{"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}
	// Σ f ΔP = 0.65, of which 0.25 was expected.
	r, err := reward.Eq2(f, before, after, 0.25)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.2f\n", r)
	// Output: 0.40
}

func ExampleScore() {
	dialogue := `{"probs": {"angry": 0.7, "happy": 0.1, "neutral": 0.2}}
{"probs": {"angry": 0.3, "happy": 0.2, "neutral": 0.5}, "est_reward": 0.1}
{"probs": {"angry": 0.4, "happy": 0.1, "neutral": 0.5}, "est_reward": 0}
`
	f, _ := reward.ParseMap("angry=-1,happy=1,neutral=0")
	s, err := reward.NewScorer(f, reward.Equation2, nil)
	if err != nil {
		log.Fatal(err)
	}
	err = reward.Score(context.Background(), strings.NewReader(dialogue), "dialogue.jsonl", s, func(r reward.Reward) error {
		fmt.Printf("turn %d: %.2f\n", r.Turn, r.Value)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	// Output:
	// turn 1: 0.40
	// turn 2: -0.20
}
