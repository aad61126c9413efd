-- remoteStartId of RequestStartTransaction (2.x): a platform-wide integer the station echoes in its TransactionEvents.
create sequence remote_start_number as integer start with 1 no cycle;
