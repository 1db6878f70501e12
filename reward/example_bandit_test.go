package reward_test

import (
	"fmt"
	"log"
	"math/rand/v2"

	"github.com/emovox/emovox/reward"
)

// Example_bandit shows what the reward is for: a dialogue agent learns
// which style of reply helps a user, from nothing but the user's emotions.
// The agent is an epsilon-greedy bandit over three reply styles; the user is
// simulated. After each reply the user's mood moves halfway towards how the
// reply makes them feel, and an emotion recogniser measures it with some
// noise. A user model expects the mood to move halfway towards how an
// ordinary reply makes users feel; Eq. 1 rewards the reply for the part of
// the change it caused beyond that, whatever mood it found the user in.
func Example_bandit() {
	f, err := reward.ParseMap("angry=-1,happy=1,neutral=0,sad=-0.5")
	if err != nil {
		log.Fatal(err)
	}
	styles := []string{"apologise", "joke", "inform"}
	feels := map[string]reward.Distribution{ // how each style makes this user feel
		"apologise": {"angry": 0.2, "happy": 0.3, "neutral": 0.4, "sad": 0.1},
		"joke":      {"angry": 0.5, "happy": 0.2, "neutral": 0.1, "sad": 0.2},
		"inform":    {"angry": 0.1, "happy": 0.4, "neutral": 0.4, "sad": 0.1},
	}
	ordinary := reward.Distribution{"angry": 0.3, "happy": 0.3, "neutral": 0.3, "sad": 0.1}

	rng := rand.New(rand.NewPCG(1, 2))
	mood := reward.Distribution{"angry": 0.6, "happy": 0.1, "neutral": 0.2, "sad": 0.1}
	tried := map[string]int{}
	meanReward := map[string]float64{}
	for range 500 {
		style := best(styles, meanReward)
		if rng.Float64() < 0.1 { // explore
			style = styles[rng.IntN(len(styles))]
		}
		next := measure(f.Emotions(), halfway(mood, feels[style]), rng)
		expected := halfway(mood, ordinary)
		r, err := reward.Eq1(f, mood, next, expected)
		if err != nil {
			log.Fatal(err)
		}
		tried[style]++
		meanReward[style] += (r - meanReward[style]) / float64(tried[style])
		mood = next
	}
	for _, s := range styles {
		fmt.Printf("%-9s tried %3d times, mean reward %+.2f\n", s, tried[s], meanReward[s])
	}
	fmt.Println("learned:", best(styles, meanReward))
	// Output:
	// apologise tried  17 times, mean reward +0.06
	// joke      tried  12 times, mean reward -0.20
	// inform    tried 471 times, mean reward +0.15
	// learned: inform
}

// best returns the style with the highest mean reward, the first of equals.
func best(styles []string, meanReward map[string]float64) string {
	b := styles[0]
	for _, s := range styles[1:] {
		if meanReward[s] > meanReward[b] {
			b = s
		}
	}
	return b
}

// halfway returns the distribution halfway between a and b.
func halfway(a, b reward.Distribution) reward.Distribution {
	m := reward.Distribution{}
	for e, p := range a {
		m[e] = (p + b[e]) / 2
	}
	return m
}

// measure returns d as a noisy recogniser measures it: every probability
// scaled by a random factor in [0.8, 1.2), then normalised.
func measure(emotions []string, d reward.Distribution, rng *rand.Rand) reward.Distribution {
	m := reward.Distribution{}
	sum := 0.0
	for _, e := range emotions { // in order, so that the same seed gives the same noise
		m[e] = d[e] * (0.8 + 0.4*rng.Float64())
		sum += m[e]
	}
	for e := range m {
		m[e] /= sum
	}
	return m
}
