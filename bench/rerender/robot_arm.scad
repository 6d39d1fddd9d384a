// rerender: forearm_len 60 70
// An assembly: base, upper arm, forearm and gripper, each a part with
// lightening holes and rounded ends; the forearm length changes.
forearm_len = 60;
module link(len, w, t) {
  difference() {
    hull() {
      cylinder(r = w / 2, h = t, $fn = 48);
      translate([len, 0, 0]) cylinder(r = w / 2, h = t, $fn = 48);
    }
    for (x = [0, len]) translate([x, 0, -1]) cylinder(r = w / 5, h = t + 2, $fn = 32);
    for (k = [1:3]) translate([k * len / 4, 0, -1]) cylinder(r = w / 6, h = t + 2, $fn = 24);
  }
}
module base() {
  difference() {
    cylinder(r = 40, h = 12, $fn = 96);
    translate([0, 0, 6]) cylinder(r = 30, h = 10, $fn = 96);
    for (a = [0:45:315]) rotate(a) translate([34, 0, -1]) cylinder(r = 2.5, h = 20, $fn = 24);
  }
}
module gripper() {
  difference() {
    cube([30, 30, 20], center = true);
    translate([5, 0, 0]) cube([30, 12, 30], center = true);
    rotate([90, 0, 0]) cylinder(r = 4, h = 40, center = true, $fn = 32);
  }
}
base();
translate([0, 0, 60]) rotate([0, 0, 0]) link(80, 24, 10);
translate([0, 0, 100]) link(forearm_len, 18, 8);
translate([0, 0, 140]) gripper();
