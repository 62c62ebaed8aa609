-- Statutory clocks in every clocked phase (expert review, acceptance), not only the formal check: the day the
-- application entered its current phase (China time), from which that phase's working days count. The formal
-- check keeps its own start (the first submission) and suspensions. Existing rows take the day of the event that
-- moved them into their phase (UTC+8; China keeps no daylight saving time).
ALTER TABLE programme_applications ADD COLUMN phase_entered_on date;
UPDATE programme_applications a
   SET phase_entered_on = (
     SELECT ((max(e.at) AT TIME ZONE 'UTC') + interval '8 hours')::date
       FROM programme_application_events e
      WHERE e.application_id = a.id AND e.to_phase = a.phase
   );
