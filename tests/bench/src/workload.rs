//! A synthetic but realistic journal: entries spread over four years, bodies from a few words to
//! 2,000 words drawn from a Zipf-like distribution over a teen-journal vocabulary (so common
//! words are common and rare words rare), sentences of varied length with some Markdown, tags,
//! and feelings check-ins. Deterministic for a given seed.

use chrono::{DateTime, Duration, FixedOffset};
use cove_lib::goals::{GoalArea, GoalDraft, StepDraft};
use cove_lib::journal::{Checkin, EntryDraft, EntryKind, FeelingPick};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// A word in roughly one entry in a thousand: the "rare word" query.
pub const RARE_WORD: &str = "xylophone";
/// A very common word: the "common word" query.
pub const COMMON_WORD: &str = "school";
/// A prefix of several common words (friend, friends, friendly, friendship).
pub const PREFIX: &str = "frie";

const COMMON: &[&str] = &[
    "i",
    "the",
    "and",
    "to",
    "a",
    "was",
    "it",
    "my",
    "of",
    "that",
    "in",
    "me",
    "so",
    "but",
    "like",
    "just",
    "really",
    "felt",
    "feel",
    "today",
    "then",
    "about",
    "with",
    "when",
    "because",
    "school",
    "friend",
    "friends",
    "home",
    "class",
    "tired",
    "happy",
    "sad",
    "again",
    "maybe",
    "think",
    "know",
    "want",
    "said",
    "mom",
    "dad",
    "sister",
    "brother",
    "teacher",
    "music",
    "night",
    "morning",
    "week",
    "weekend",
    "talked",
    "walked",
    "texted",
    "laughed",
    "cried",
    "anxious",
    "calm",
    "angry",
    "proud",
    "lonely",
    "excited",
    "worried",
    "better",
    "worse",
    "sleep",
    "homework",
    "test",
    "practice",
    "game",
    "song",
    "book",
    "phone",
    "room",
    "bus",
    "lunch",
    "dinner",
    "outside",
    "rain",
    "sun",
    "cold",
    "warm",
    "quiet",
    "loud",
    "long",
    "short",
    "day",
    "time",
    "thing",
    "things",
    "people",
    "everyone",
    "someone",
    "nobody",
    "myself",
    "counselor",
    "session",
    "goal",
    "step",
    "tried",
    "trying",
    "hard",
    "easy",
    "good",
    "bad",
    "okay",
    "fine",
    "weird",
    "funny",
    "friendly",
    "friendship",
    "name",
    "pronouns",
    "they",
    "she",
    "he",
    "them",
    "her",
    "him",
    "us",
    "we",
    "our",
    "your",
    "you",
    "did",
    "didn't",
    "couldn't",
    "wanted",
    "needed",
    "helped",
    "breathing",
    "drawing",
    "writing",
    "running",
    "dancing",
    "reading",
    "gaming",
    "scrolling",
    "journal",
    "notebook",
    "headphones",
    "playlist",
    "guitar",
    "piano",
    "art",
    "math",
    "history",
    "science",
    "spanish",
    "english",
    "gym",
    "coach",
    "team",
    "club",
    "party",
    "birthday",
    "holiday",
    "summer",
    "winter",
    "spring",
    "autumn",
    "grandma",
    "grandpa",
    "cousin",
    "dog",
    "cat",
    "park",
    "beach",
    "river",
    "forest",
    "city",
    "café",
    "canción",
    "mañana",
    "niño",
    "über",
    "naïve",
    "résumé",
];

const RARE_POOL: &[&str] = &[
    "kaleidoscope",
    "lighthouse",
    "marmalade",
    "origami",
    "telescope",
    "hammock",
    "pinecone",
    "thunderstorm",
    "skateboard",
    "aquarium",
    "constellation",
    "volcano",
    "compass",
    "lantern",
    "harmonica",
    "tapestry",
    "meteor",
    "glacier",
    "carousel",
    "firefly",
    "labyrinth",
    "nebula",
];

const TAGS: &[&str] = &[
    "school",
    "family",
    "friends",
    "music",
    "sleep",
    "sport",
    "art",
    "identity",
    "goals",
    "weekend",
    "counselor",
    "body",
    "pets",
    "games",
    "reading",
    "outside",
    "anxiety",
    "wins",
];

const FEELINGS: &[(&str, i8)] = &[
    ("joyful", 1),
    ("proud", 1),
    ("calm", 1),
    ("hopeful", 1),
    ("grateful", 1),
    ("content", 1),
    ("sad", -1),
    ("lonely", -1),
    ("anxious", -1),
    ("worried", -1),
    ("frustrated", -1),
    ("angry", -1),
    ("overwhelmed", -1),
    ("tired", 0),
    ("numb", 0),
    ("confused", 0),
    ("surprised", 0),
    ("restless", 0),
];

pub struct Workload {
    rng: StdRng,
    start: DateTime<FixedOffset>,
    step_ms: i64,
    n: usize,
}

impl Workload {
    /// `n` entries spread evenly over four years starting 2022-09-01, in seed order.
    pub fn new(n: usize, seed: u64) -> Workload {
        let start = DateTime::parse_from_rfc3339("2022-09-01T07:30:00.000-04:00").expect("date");
        let span_ms = Duration::days(4 * 365).num_milliseconds();
        Workload {
            rng: StdRng::seed_from_u64(seed),
            start,
            step_ms: (span_ms / n.max(1) as i64).max(1),
            n,
        }
    }

    /// When entry `i` was written (local time with its offset: -04:00 or -05:00 by season).
    pub fn when(&self, i: usize) -> DateTime<FixedOffset> {
        let t = self.start + Duration::milliseconds(self.step_ms * i as i64);
        let offset = if (4..11).contains(&chrono::Datelike::month(&t)) {
            -4
        } else {
            -5
        };
        t.with_timezone(&FixedOffset::west_opt(-offset * 3600).expect("offset"))
    }

    /// The moment just after the last entry (where new entries in a run are written).
    pub fn end(&self) -> DateTime<FixedOffset> {
        self.when(self.n) + Duration::minutes(5)
    }

    fn word(&mut self) -> &'static str {
        if self.rng.gen_ratio(1, 40) {
            return RARE_POOL[self.rng.gen_range(0..RARE_POOL.len())];
        }
        // Zipf-like: index ~ len * u^2.2 favours the front of the list.
        let u: f64 = self.rng.gen();
        COMMON[((COMMON.len() as f64) * u.powf(2.2)) as usize % COMMON.len()]
    }

    fn body_words(&mut self) -> usize {
        match self.rng.gen_range(0..100) {
            0..=59 => self.rng.gen_range(3..80),
            60..=89 => self.rng.gen_range(80..400),
            _ => self.rng.gen_range(400..=2000),
        }
    }

    /// Text of `words` words in sentences and paragraphs, with occasional Markdown.
    pub fn text(&mut self, words: usize) -> String {
        let mut out = String::with_capacity(words * 7);
        let mut in_sentence = 0;
        let mut sentence_len = self.rng.gen_range(4..22);
        let mut sentences_in_paragraph = 0;
        for w in 0..words {
            let mut word = self.word().to_owned();
            if in_sentence == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    word = first.to_uppercase().chain(chars).collect();
                }
                if self.rng.gen_ratio(1, 30) {
                    word = format!("**{word}**");
                }
            }
            out.push_str(&word);
            in_sentence += 1;
            if in_sentence >= sentence_len || w + 1 == words {
                out.push(match self.rng.gen_range(0..10) {
                    0 => '?',
                    1 => '!',
                    _ => '.',
                });
                in_sentence = 0;
                sentence_len = self.rng.gen_range(4..22);
                sentences_in_paragraph += 1;
                if sentences_in_paragraph >= self.rng.gen_range(2..7) {
                    out.push_str("\n\n");
                    sentences_in_paragraph = 0;
                } else {
                    out.push(' ');
                }
            } else if self.rng.gen_ratio(1, 12) {
                out.push_str(", ");
            } else {
                out.push(' ');
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    fn optional_text(&mut self, chance: f64, words: std::ops::Range<usize>) -> Option<String> {
        if self.rng.gen_bool(chance) {
            let n = self.rng.gen_range(words);
            Some(self.text(n))
        } else {
            None
        }
    }

    /// A goal in the person's words: a short title, often a "why", 1–8 steps (some done), an
    /// area, sometimes a target date.
    pub fn goal(&mut self) -> GoalDraft {
        const AREAS: [GoalArea; 8] = [
            GoalArea::Feelings,
            GoalArea::Friends,
            GoalArea::Family,
            GoalArea::School,
            GoalArea::Body,
            GoalArea::Identity,
            GoalArea::Boundaries,
            GoalArea::Other,
        ];
        let title_words = self.rng.gen_range(3..9);
        let steps = self.rng.gen_range(1..9);
        GoalDraft {
            id: None,
            title: self.text(title_words).chars().take(200).collect(),
            why: self.optional_text(0.7, 8..60),
            area: self
                .rng
                .gen_bool(0.8)
                .then(|| AREAS[self.rng.gen_range(0..AREAS.len())]),
            steps: (0..steps)
                .map(|_| {
                    let words = self.rng.gen_range(3..14);
                    StepDraft {
                        id: None,
                        text: self.text(words).chars().take(500).collect(),
                        done: self.rng.gen_bool(0.4),
                    }
                })
                .collect(),
            target_date: self.rng.gen_bool(0.3).then(|| "2027-03-01".to_owned()),
            made_with_counselor: self.rng.gen_bool(0.3),
            reminder: None,
        }
    }

    /// Entry `i` of the workload (call in order for a deterministic journal).
    pub fn entry(&mut self, i: usize) -> EntryDraft {
        let checkin = self.rng.gen_ratio(3, 10);
        let words = self.body_words();
        let mut body = if checkin && self.rng.gen_bool(0.5) {
            String::new()
        } else {
            self.text(words)
        };
        if i % 1000 == 500 {
            body.push_str(&format!(
                " The {RARE_WORD} in the music room was out of tune."
            ));
        }
        let title = if self.rng.gen_ratio(1, 3) {
            let words = self.rng.gen_range(2..7);
            Some(
                self.text(words)
                    .trim_end_matches(['.', '?', '!'])
                    .to_owned(),
            )
        } else {
            None
        };
        let tags = (0..self.rng.gen_range(0..4))
            .map(|_| TAGS[self.rng.gen_range(0..TAGS.len())].to_owned())
            .collect();
        let checkin = checkin.then(|| {
            let feelings = (0..self.rng.gen_range(1..4))
                .map(|_| {
                    let (feeling, valence) = FEELINGS[self.rng.gen_range(0..FEELINGS.len())];
                    FeelingPick {
                        feeling: feeling.to_owned(),
                        intensity: self.rng.gen_range(1..=5),
                        valence,
                    }
                })
                .collect();
            let placed = self.rng.gen_bool(0.4);
            Checkin {
                feelings,
                pleasantness: placed.then(|| self.rng.gen_range(-1.0..=1.0)),
                energy: placed.then(|| self.rng.gen_range(-1.0..=1.0)),
                sensations: if self.rng.gen_bool(0.3) {
                    vec!["tight_chest".into()]
                } else {
                    vec![]
                },
                going_on: self.optional_text(0.6, 5..60),
                helped: self.optional_text(0.3, 3..30),
            }
        });
        EntryDraft {
            id: None,
            kind: if checkin.is_some() {
                EntryKind::Checkin
            } else {
                EntryKind::Free
            },
            title,
            body,
            tags,
            prompt_id: None,
            checkin,
            goal: None,
            identity: None,
        }
    }
}
