sphere(r=10, $fa=5, $fs=0.5);
