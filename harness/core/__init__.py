"""The grading core: graders' building blocks, observations, the reference, grading a unit."""
