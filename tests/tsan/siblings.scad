// ThreadSanitizer model (scripts/tsan_check.sh): many sibling subtrees,
// each a boolean large enough to run on a thread of its own, some of them
// the same subtree (two threads may evaluate one cache entry at once), one
// difference large enough for its two intersection halves on two threads,
// and colours (the property table merged from the threads).
n = 6;
hole = 3;
module part(i, r) {
  color(i % 2 ? "red" : "blue")
    difference() {
      sphere(r = r, $fn = 24);
      cylinder(r = hole, h = 3 * r, center = true, $fn = 16);
      rotate([90, 0, 0]) cylinder(r = hole / 2, h = 3 * r, center = true, $fn = 12);
    }
}
for (i = [0:n - 1]) translate([i * 25, 0, 0]) part(i, 8 + i % 3);
for (i = [0:2]) translate([i * 25, 30, 0]) part(0, 8);  // the same subtree three times
translate([0, -40, 0]) difference() {
  sphere(r = 15, $fn = 48);
  for (a = [0:30:150]) rotate([0, 0, a]) cylinder(r = hole, h = 40, center = true, $fn = 32);
}
