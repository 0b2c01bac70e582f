/**
 * 256 short, distinct, concrete English words: one per byte value, so 8 words show the first
 * 64 bits of a fingerprint. Nouns that are easy to say over a call and hard to mishear.
 *
 * DO NOT REORDER OR EDIT: the words people compare are derived from the index, so any change
 * makes every client show different words for the same key (test vectors pin this list).
 */
// Eight per row, so a word's byte value is 8 × row + column (both from 0).
// prettier-ignore
export const FINGERPRINT_WORDS: readonly string[] = [
  "acorn", "actor", "agent", "alarm", "album", "amber", "anchor", "angle",
  "apple", "arena", "arrow", "aspen", "atlas", "attic", "award", "bacon",
  "badge", "baker", "bamboo", "banjo", "barn", "beach", "bench", "berry",
  "bison", "blade", "bloom", "board", "boot", "brick", "bread", "brook",
  "brush", "bucket", "cabin", "cable", "cactus", "camel", "camera", "candle",
  "canoe", "canyon", "carbon", "carpet", "castle", "cedar", "chalk", "cherry",
  "chess", "chief", "cider", "circus", "citrus", "clock", "cloud", "clover",
  "coach", "comet", "copper", "coral", "cotton", "crane", "crayon", "crown",
  "cube", "daisy", "dance", "delta", "desert", "diver", "dock", "dollar",
  "domino", "donut", "dragon", "drum", "eagle", "echo", "elbow", "ember",
  "engine", "falcon", "fabric", "fern", "ferry", "field", "finch", "flame",
  "flask", "fleet", "flute", "forest", "fossil", "fox", "frost", "galaxy",
  "garden", "garlic", "gecko", "ginger", "globe", "grape", "gravel", "guitar",
  "hammer", "harbor", "harp", "helmet", "heron", "honey", "hotel", "igloo",
  "island", "ivory", "jacket", "jaguar", "jelly", "jungle", "kayak", "kettle",
  "kiwi", "koala", "ladder", "lagoon", "laser", "lemon", "lily", "lizard",
  "llama", "lotus", "lumber", "magnet", "mango", "maple", "marble", "meadow",
  "melon", "meteor", "mint", "mirror", "mitten", "monkey", "motor", "muffin",
  "museum", "napkin", "nectar", "needle", "nickel", "noodle", "oasis", "ocean",
  "olive", "onion", "opal", "orange", "orbit", "orchid", "otter", "oyster",
  "paddle", "palace", "panda", "paper", "parrot", "pasta", "peach", "peanut",
  "pebble", "pepper", "piano", "pickle", "pigeon", "pillow", "pilot", "pine",
  "planet", "plum", "pocket", "polar", "pony", "poppy", "potato", "prism",
  "puffin", "puzzle", "quartz", "quill", "rabbit", "radar", "radio", "raft",
  "raven", "reef", "ribbon", "river", "robin", "rocket", "saddle", "salmon",
  "sandal", "saturn", "scarf", "shadow", "shell", "silver", "skate", "sketch",
  "sloth", "snail", "socket", "spice", "spider", "sponge", "spruce", "squid",
  "statue", "stove", "summit", "sunset", "swan", "tablet", "taco", "tango",
  "teapot", "temple", "tennis", "tiger", "timber", "toast", "tomato", "topaz",
  "torch", "tower", "trout", "tulip", "tundra", "turtle", "tuxedo", "valley",
  "velvet", "violin", "waffle", "walnut", "walrus", "wagon", "whale", "willow",
  "window", "winter", "wizard", "yacht", "yogurt", "zebra", "zephyr", "zipper",
];
