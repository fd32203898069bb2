-- Each projection's position in the notification log.

-- name: positions
SELECT name, position FROM projection_positions;

-- name: position_start!
INSERT INTO projection_positions (name, position) VALUES (:name, 0)
ON CONFLICT (name) DO NOTHING;

-- name: position_move!
-- Compare and set: a position moves only from the value it was read at.
UPDATE projection_positions SET position = :new
WHERE name = :name AND position = :expected;

-- name: position_reset!
UPDATE projection_positions SET position = 0 WHERE name = :name;
