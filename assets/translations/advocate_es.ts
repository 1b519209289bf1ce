<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name />
        <message>
            <source>Edit appointment</source>
            <translation>Editar la cita</translation>
        </message>
        <message>
            <source>Add an appointment</source>
            <translation>Agregar una cita</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Court hearings and other kinds are counted apart in the summary.</source>
            <translation>Las audiencias y los demás tipos se cuentan por separado en el resumen.</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lugar</translation>
        </message>
        <message>
            <source>Where it takes place, for example the court and courtroom; one line.</source>
            <translation>Dónde es, por ejemplo la corte y la sala; una línea.</translation>
        </message>
        <message>
            <source>e.g. District Court, Courtroom 2</source>
            <translation>p. ej., Corte de Distrito, Sala 2</translation>
        </message>
        <message>
            <source>The advocate goes with the client</source>
            <translation>El/la intercesor/a acompaña a la persona</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Afterwards, what happened in a few words. Records can be subpoenaed: write only what the work needs.</source>
            <translation>Después, qué pasó, en pocas palabras. Los registros pueden ser objeto de una citación judicial (subpoena): escriba solo lo que el trabajo necesita.</translation>
        </message>
        <message>
            <source>Afterwards: what happened, in a few words</source>
            <translation>Después: qué pasó, en pocas palabras</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Fecha</translation>
        </message>
        <message>
            <source>&amp;Time</source>
            <translation>&amp;Hora</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>&amp;Lugar</translation>
        </message>
        <message>
            <source>&amp;Outcome</source>
            <translation>&amp;Resultado</translation>
        </message>
        <message>
            <source>Save appointment</source>
            <translation>Guardar la cita</translation>
        </message>
        <message>
            <source>Add appointment</source>
            <translation>Agregar la cita</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Dónde</translation>
        </message>
        <message>
            <source>Date and time it starts; earliest first.</source>
            <translation>Fecha y hora en que empieza; las más tempranas primero.</translation>
        </message>
        <message>
            <source>What kind it is, such as a court date.</source>
            <translation>De qué tipo es, por ejemplo una fecha de corte.</translation>
        </message>
        <message>
            <source>The place it happens.</source>
            <translation>El lugar donde se realiza.</translation>
        </message>
        <message>
            <source>Whether an advocate goes with the client.</source>
            <translation>Si una intercesora acompaña a la persona.</translation>
        </message>
        <message>
            <source>What happened, once it has taken place.</source>
            <translation>Qué pasó, una vez que se realizó.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Not recorded yet</source>
            <translation>Aún sin registrar</translation>
        </message>
        <message>
            <source>Add appointment…</source>
            <translation>Agregar una cita…</translation>
        </message>
        <message>
            <source>Adds a court date or appointment; the next 14 days also show on Today.</source>
            <translation>Agrega una fecha de corte o una cita; las de los próximos 14 días también aparecen en Hoy.</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Editar…</translation>
        </message>
        <message>
            <source>Change the time or record the outcome (Enter)</source>
            <translation>Cambiar la hora o registrar el resultado (Enter)</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Quitar…</translation>
        </message>
        <message>
            <source>Removes the selected appointment from the client's record, after asking.</source>
            <translation>Quita la cita seleccionada del registro de la persona, después de preguntar.</translation>
        </message>
        <message>
            <source>Appointments</source>
            <translation>Citas</translation>
        </message>
        <message>
            <source>One row per court date or appointment: when, what, where, whether the advocate goes, and the outcome. Enter edits the selected one.</source>
            <translation>Una fila por fecha de corte o cita: cuándo, qué, dónde, si va la intercesora y el resultado. Enter edita la seleccionada.</translation>
        </message>
        <message>
            <source>No appointments or court dates yet. Use “Add appointment…” to record one; court dates in the next two weeks also appear on the Today page.</source>
            <translation>Todavía no hay citas ni fechas de corte. Use “Agregar una cita…” para registrar una; las fechas de corte de las próximas dos semanas también aparecen en la página Hoy.</translation>
        </message>
        <message>
            <source>Select an appointment first.</source>
            <translation>Primero seleccione una cita.</translation>
        </message>
        <message>
            <source>Remove appointment</source>
            <translation>Quitar la cita</translation>
        </message>
        <message>
            <source>Remove this appointment from the client's record?</source>
            <translation>¿Quitar esta cita del registro de la persona?</translation>
        </message>
        <message>
            <source>Advocate Companion backups (*.acbackup)</source>
            <translation>Copias de seguridad de Advocate Companion (*.acbackup)</translation>
        </message>
        <message>
            <source>Choose a backup to restore</source>
            <translation>Elija una copia de seguridad para restaurar</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Restaurar una copia de seguridad</translation>
        </message>
        <message>
            <source>Restore the backup made on {0}?</source>
            <translation>¿Restaurar la copia de seguridad hecha el {0}?</translation>
        </message>
        <message>
            <source>Made on:</source>
            <translation>Hecha el:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Tamaño:</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Archivo:</translation>
        </message>
        <message>
            <source>Every record in this vault will be replaced by the records in this backup; anything added after {0} is not in it. The vault as it is now is not deleted: it is moved to a folder named before-restore-… inside the vault folder, so it can still be recovered.</source>
            <translation>Todos los registros de esta bóveda se reemplazarán por los de esta copia de seguridad; lo que se haya agregado después del {0} no está en ella. La bóveda tal como está ahora no se borra: se mueve a una carpeta llamada before-restore-… dentro de la carpeta de la bóveda, así que todavía se puede recuperar.</translation>
        </message>
        <message>
            <source>This backup is of a different vault (another office, or an earlier set-up). Restoring it replaces this vault with that one.</source>
            <translation>Esta copia de seguridad es de otra bóveda (de otra oficina o de una configuración anterior). Al restaurarla, esa bóveda reemplaza a esta.</translation>
        </message>
        <message>
            <source>To restore, type your passphrase as it was on the day of the backup, or the office's recovery key.</source>
            <translation>Para restaurar, escriba su frase de contraseña tal como era el día de la copia de seguridad, o la clave de recuperación de la oficina.</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>The people who could unlock on the day of the backup; choose yourself.</source>
            <translation>Las personas que podían desbloquear el día de la copia; elija su nombre.</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>&amp;Usuario</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
        <message>
            <source>Your passphrase as it was on the day of the backup, or the office's recovery key when that is chosen below.</source>
            <translation>Su frase de contraseña tal como era el día de la copia, o la clave de recuperación de la oficina si la elige abajo.</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Frase de contraseña</translation>
        </message>
        <message>
            <source>Use the office's &amp;recovery key instead</source>
            <translation>Usar en su lugar la clave de &amp;recuperación de la oficina</translation>
        </message>
        <message>
            <source>Restore this backup</source>
            <translation>Restaurar esta copia</translation>
        </message>
        <message>
            <source>Restore message</source>
            <translation>Mensaje de restauración</translation>
        </message>
        <message>
            <source>Replaces the records with those in this backup. The vault as it is now is kept aside; everyone unlocks again afterwards.</source>
            <translation>Reemplaza los registros por los de esta copia. La bóveda tal como está ahora se guarda aparte; después todos vuelven a desbloquear.</translation>
        </message>
        <message>
            <source>&amp;Recovery key</source>
            <translation>Clave de &amp;recuperación</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Clave de recuperación</translation>
        </message>
        <message>
            <source>Type the recovery key.</source>
            <translation>Escriba la clave de recuperación.</translation>
        </message>
        <message>
            <source>Type the passphrase.</source>
            <translation>Escriba la frase de contraseña.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Revisando…</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Copias de seguridad</translation>
        </message>
        <message>
            <source>A backup is one encrypted file holding every record of this office and the sign-in for each person. It opens only with a passphrase as it was on the day it was made, or with the office's recovery key, so a lost USB stick does not expose anyone. Keep one copy away from this computer, in a locked drawer.</source>
            <translation>Una copia de seguridad es un solo archivo cifrado que contiene todos los registros de esta oficina y los datos de acceso de cada persona. Solo se abre con una frase de contraseña tal como era el día en que se hizo, o con la clave de recuperación de la oficina; así, si se pierde una memoria USB, nadie queda expuesto. Guarde una copia lejos de esta computadora, en un cajón con llave.</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Hacer copia ahora</translation>
        </message>
        <message>
            <source>Choose a folder, for example on a USB stick. The file is named by today's date and is checked by opening it again before it is reported done.</source>
            <translation>Elija una carpeta, por ejemplo en una memoria USB. El archivo lleva por nombre la fecha de hoy, y se revisa abriéndolo otra vez antes de darlo por terminado.</translation>
        </message>
        <message>
            <source>Back up now…</source>
            <translation>Hacer copia ahora…</translation>
        </message>
        <message>
            <source>Asks for a folder, for example on a USB stick, writes one encrypted file there and checks it by opening it again.</source>
            <translation>Pide una carpeta, por ejemplo en una memoria USB, guarda allí un archivo cifrado y lo comprueba abriéndolo de nuevo.</translation>
        </message>
        <message>
            <source>Backup progress</source>
            <translation>Progreso de la copia de seguridad</translation>
        </message>
        <message>
            <source>Last copy outside this computer</source>
            <translation>Última copia fuera de esta computadora</translation>
        </message>
        <message>
            <source>Backup status</source>
            <translation>Estado de las copias de seguridad</translation>
        </message>
        <message>
            <source>Automatic backups</source>
            <translation>Copias automáticas</translation>
        </message>
        <message>
            <source>The first time someone unlocks the vault each day, a backup is made in the folder below; the newest {0} are kept. A backup is also made before every update of the app, and those are kept.</source>
            <translation>La primera vez que alguien desbloquea la bóveda cada día, se hace una copia de seguridad en la carpeta de abajo; se conservan las {0} más recientes. También se hace una copia antes de cada actualización de la aplicación, y esas se conservan.</translation>
        </message>
        <message>
            <source>Daily backup problem</source>
            <translation>Problema con la copia diaria</translation>
        </message>
        <message>
            <source>Automatic backups folder</source>
            <translation>Carpeta de copias automáticas</translation>
        </message>
        <message>
            <source>One row per backup in the vault's folder, newest first: when it was made, its size and why. A supervisor can restore the selected one.</source>
            <translation>Una fila por copia en la carpeta de la bóveda, la más reciente primero: cuándo se hizo, su tamaño y por qué. Un/a supervisor/a puede restaurar la seleccionada.</translation>
        </message>
        <message>
            <source>Made on</source>
            <translation>Hecha el</translation>
        </message>
        <message>
            <source>Date and time the backup was made; the newest first.</source>
            <translation>Fecha y hora en que se hizo la copia de seguridad; las más recientes primero.</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <source>How big the backup file is.</source>
            <translation>El tamaño del archivo de la copia de seguridad.</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Why it was made: daily, before an update, or saved by hand.</source>
            <translation>Por qué se hizo: la copia diaria, antes de una actualización o guardada a mano.</translation>
        </message>
        <message>
            <source>No automatic backup yet. One is made the first time the vault is unlocked each day.</source>
            <translation>Todavía no hay copias automáticas. Se hace una la primera vez que se desbloquea la bóveda cada día.</translation>
        </message>
        <message>
            <source>The demo vault makes no automatic backups.</source>
            <translation>La bóveda de demostración no hace copias automáticas.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurar</translation>
        </message>
        <message>
            <source>Restoring replaces the records with those in a backup. The vault as it is now is kept aside in a folder named before-restore-… inside the vault folder; nothing is deleted. Everyone will need to unlock again afterwards.</source>
            <translation>Al restaurar, los registros se reemplazan por los de una copia de seguridad. La bóveda tal como está ahora se guarda aparte en una carpeta llamada before-restore-… dentro de la carpeta de la bóveda; no se borra nada. Después, todas las personas tendrán que desbloquear de nuevo.</translation>
        </message>
        <message>
            <source>Restore the selected backup…</source>
            <translation>Restaurar la copia seleccionada…</translation>
        </message>
        <message>
            <source>Replaces the records with those in the selected backup, after you confirm; the vault as it is now is kept aside, nothing is deleted.</source>
            <translation>Reemplaza los registros por los de la copia seleccionada, después de que usted confirme; la bóveda tal como está ahora se guarda aparte y no se borra nada.</translation>
        </message>
        <message>
            <source>Restore from a backup…</source>
            <translation>Restaurar desde una copia de seguridad…</translation>
        </message>
        <message>
            <source>Choose a backup file, for example on a USB stick, to replace the records with, after you confirm; the vault as it is now is kept aside.</source>
            <translation>Elija un archivo de copia, por ejemplo en una memoria USB, para reemplazar los registros, después de que usted confirme; la bóveda tal como está ahora se guarda aparte.</translation>
        </message>
        <message>
            <source>Only a supervisor can restore a backup.</source>
            <translation>Solo alguien con el rol de supervisor/a puede restaurar una copia de seguridad.</translation>
        </message>
        <message>
            <source>Only a supervisor can save a backup to another folder or a USB stick. The automatic backups are still made every day.</source>
            <translation>Solo alguien con el rol de supervisor/a puede guardar una copia de seguridad en otra carpeta o en una memoria USB. Las copias automáticas se siguen haciendo todos los días.</translation>
        </message>
        <message>
            <source>Choose where to save the backup</source>
            <translation>Elija dónde guardar la copia de seguridad</translation>
        </message>
        <message>
            <source>Making the backup and checking it…</source>
            <translation>Haciendo la copia de seguridad y revisándola…</translation>
        </message>
        <message>
            <source>Backup saved and checked: {0} in {1} ({2}). Keep it somewhere locked, away from this computer.</source>
            <translation>Copia de seguridad guardada y revisada: {0} en {1} ({2}). Guárdela bajo llave, lejos de esta computadora.</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Restaurando la copia de seguridad…</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Diaria</translation>
        </message>
        <message>
            <source>Before an update</source>
            <translation>Antes de una actualización</translation>
        </message>
        <message>
            <source>Saved by hand</source>
            <translation>Guardada a mano</translation>
        </message>
        <message>
            <source>The daily backup on {0} could not be made: the disk is full or the vault's folder cannot be written. Your records are safe. Free some space on this computer, then use Backups → Back up now; the app also tries again at the next unlock.</source>
            <translation>No se pudo hacer la copia de seguridad diaria del {0}: el disco está lleno o no se puede escribir en la carpeta de la bóveda. Sus registros están a salvo. Libere espacio en esta computadora y luego use Copias de seguridad → Hacer copia ahora; la aplicación también vuelve a intentarlo la próxima vez que se desbloquee.</translation>
        </message>
        <message>
            <source>The daily backup on {0} was not made because the vault did not pass its check. The earlier backups were kept. Lock the app and check the vault; restore the newest backup if it is damaged.</source>
            <translation>La copia de seguridad diaria del {0} no se hizo porque la bóveda no pasó la revisión. Se conservaron las copias anteriores. Bloquee la aplicación y revise la bóveda; restaure la copia más reciente si está dañada.</translation>
        </message>
        <message>
            <source>The daily backup on {0} could not be made. Your records are safe. Use Backups → Back up now to save a copy on a USB stick; the app also tries again at the next unlock.</source>
            <translation>No se pudo hacer la copia de seguridad diaria del {0}. Sus registros están a salvo. Use Copias de seguridad → Hacer copia ahora para guardar una copia en una memoria USB; la aplicación también vuelve a intentarlo la próxima vez que se desbloquee.</translation>
        </message>
        <message>
            <source>No copy has been saved outside this computer yet. Use Back up now with a USB stick, and keep the stick locked away.</source>
            <translation>Todavía no se ha guardado ninguna copia fuera de esta computadora. Use Hacer copia ahora con una memoria USB y guarde la memoria bajo llave.</translation>
        </message>
        <message>
            <source>The last copy outside this computer was saved on {0}.</source>
            <translation>La última copia fuera de esta computadora se guardó el {0}.</translation>
        </message>
        <message>
            <source>That is more than a week ago: save a new copy on a USB stick.</source>
            <translation>Eso fue hace más de una semana: guarde una copia nueva en una memoria USB.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abierto</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrado</translation>
        </message>
        <message>
            <source>This client's record</source>
            <translation>El registro de esta persona</translation>
        </message>
        <message>
            <source>Notes, needs, appointments, profile and releases of this client; Ctrl+Tab moves to the next tab.</source>
            <translation>Notas, necesidades, citas, perfil y autorizaciones de esta persona; Ctrl+Tab pasa a la pestaña siguiente.</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Perfil</translation>
        </message>
        <message>
            <source>Releases</source>
            <translation>Autorizaciones</translation>
        </message>
        <message>
            <source>Contact: {0}</source>
            <translation>Contacto: {0}</translation>
        </message>
        <message>
            <source>Safe times: {0}</source>
            <translation>Horarios seguros: {0}</translation>
        </message>
        <message>
            <source>Messages OK</source>
            <translation>Se pueden dejar mensajes</translation>
        </message>
        <message>
            <source>No messages</source>
            <translation>No dejar mensajes</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Guardar los cambios</translation>
        </message>
        <message>
            <source>Close client…</source>
            <translation>Cerrar el caso…</translation>
        </message>
        <message>
            <source>Asks for a reason, then moves the client to the closed list. Nothing is deleted and the client can be reopened.</source>
            <translation>Pide un motivo y luego pasa a la persona a la lista de casos cerrados. No se borra nada y el caso se puede reabrir.</translation>
        </message>
        <message>
            <source>Reopen client</source>
            <translation>Reabrir el caso</translation>
        </message>
        <message>
            <source>Moves the client back to the open list.</source>
            <translation>Devuelve a la persona a la lista de casos abiertos.</translation>
        </message>
        <message>
            <source>Destroy record…</source>
            <translation>Destruir el registro…</translation>
        </message>
        <message>
            <source>Only at the client's request</source>
            <translation>Solo si la persona lo pide</translation>
        </message>
        <message>
            <source>Only at the client's request: deletes this client's notes, needs, appointments and releases for good, after you type the alias to confirm. Backups made before keep them until they are replaced.</source>
            <translation>Solo si la persona lo pide: borra para siempre sus notas, necesidades, citas y autorizaciones, después de que usted escriba el alias para confirmar. Las copias de seguridad anteriores los conservan hasta que se reemplacen.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
        <message>
            <source>Record destroyed</source>
            <translation>Registro destruido</translation>
        </message>
        <message>
            <source>The record was destroyed. Backups made before now still hold it until they are replaced.</source>
            <translation>Se destruyó el registro. Las copias de seguridad anteriores lo siguen conteniendo hasta que se reemplacen.</translation>
        </message>
        <message>
            <source>Destroy this record</source>
            <translation>Destruir este registro</translation>
        </message>
        <message>
            <source>At the client's request, this permanently removes the record: the profile, every note, needs, appointments, releases and drafts, and their words in the search index. It cannot be undone. The activity log keeps only that a record was destroyed, by whom and when.</source>
            <translation>A petición de la persona atendida, esto elimina el registro para siempre: el perfil, todas las notas, necesidades, citas, autorizaciones y borradores, y sus palabras en el índice de búsqueda. No se puede deshacer. El historial de actividad solo guarda que se destruyó un registro, quién lo hizo y cuándo.</translation>
        </message>
        <message>
            <source>Existing backups still hold this record until they are replaced by newer ones. Replace or destroy older backups (for example on a USB stick) to remove it everywhere.</source>
            <translation>Las copias de seguridad existentes conservan este registro hasta que se reemplacen por otras más nuevas. Reemplace o destruya las copias anteriores (por ejemplo, en una memoria USB) para eliminarlo en todas partes.</translation>
        </message>
        <message>
            <source>Type the client's alias to confirm:</source>
            <translation>Escriba el alias de la persona para confirmar:</translation>
        </message>
        <message>
            <source>Type the alias to confirm</source>
            <translation>Escriba el alias para confirmar</translation>
        </message>
        <message>
            <source>The Destroy record button is enabled once this matches the client's alias.</source>
            <translation>El botón Destruir el registro se activa cuando esto coincide con el alias de la persona.</translation>
        </message>
        <message>
            <source>Destroy record</source>
            <translation>Destruir el registro</translation>
        </message>
        <message>
            <source>Permanently removes this client's record and cannot be undone; backups made before keep it until they are replaced.</source>
            <translation>Borra para siempre el registro de esta persona y no se puede deshacer; las copias de seguridad anteriores lo conservan hasta que se reemplacen.</translation>
        </message>
        <message>
            <source>Close this client</source>
            <translation>Cerrar este caso</translation>
        </message>
        <message>
            <source>Closing keeps the record; it moves to the closed list and can be reopened.</source>
            <translation>Al cerrar el caso se conserva el registro: pasa a la lista de casos cerrados y se puede reabrir.</translation>
        </message>
        <message>
            <source>Closing reason</source>
            <translation>Motivo del cierre</translation>
        </message>
        <message>
            <source>Choose a reason or type your own, in a few words; it is shown with the closed client.</source>
            <translation>Elija un motivo o escriba el suyo, en pocas palabras; se muestra con el caso cerrado.</translation>
        </message>
        <message>
            <source>Services complete</source>
            <translation>Servicios completados</translation>
        </message>
        <message>
            <source>Client chose to end services</source>
            <translation>La persona decidió terminar los servicios</translation>
        </message>
        <message>
            <source>Moved out of the area</source>
            <translation>Se mudó fuera de la zona</translation>
        </message>
        <message>
            <source>Lost contact</source>
            <translation>Se perdió el contacto</translation>
        </message>
        <message>
            <source>Referred to another program</source>
            <translation>Se remitió a otro programa</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Motivo</translation>
        </message>
        <message>
            <source>Close client</source>
            <translation>Cerrar el caso</translation>
        </message>
        <message>
            <source>Record a release of information</source>
            <translation>Registrar una autorización para compartir información</translation>
        </message>
        <message>
            <source>A release must be informed, written and time-limited, and it can never be a condition of services. Record what the client signed.</source>
            <translation>Una autorización debe ser informada, por escrito y con fecha de vencimiento, y nunca puede ser una condición para recibir servicios. Registre lo que firmó la persona.</translation>
        </message>
        <message>
            <source>&amp;Who may receive it</source>
            <translation>&amp;Quién puede recibirla</translation>
        </message>
        <message>
            <source>&amp;What information</source>
            <translation>Qué &amp;información</translation>
        </message>
        <message>
            <source>For what &amp;purpose</source>
            <translation>Para qué &amp;propósito</translation>
        </message>
        <message>
            <source>&amp;Signed on</source>
            <translation>&amp;Firmada el</translation>
        </message>
        <message>
            <source>&amp;Expires on</source>
            <translation>&amp;Vence el</translation>
        </message>
        <message>
            <source>The person or agency the client allows to receive information, as signed.</source>
            <translation>La persona o agencia que puede recibir información, tal como se firmó.</translation>
        </message>
        <message>
            <source>Only what the client agreed to share, in the words of the signed release.</source>
            <translation>Solo lo que la persona aceptó compartir, con las palabras de la autorización firmada.</translation>
        </message>
        <message>
            <source>Why it may be shared, as the signed release says.</source>
            <translation>Para qué se puede compartir, según la autorización firmada.</translation>
        </message>
        <message>
            <source>The day the client signed; not in the future.</source>
            <translation>El día en que la persona firmó; no puede ser en el futuro.</translation>
        </message>
        <message>
            <source>After this day the release no longer allows sharing.</source>
            <translation>Después de este día la autorización ya no permite compartir.</translation>
        </message>
        <message>
            <source>Save release</source>
            <translation>Guardar la autorización</translation>
        </message>
        <message>
            <source>Log an anonymous contact</source>
            <translation>Registrar un contacto anónimo</translation>
        </message>
        <message>
            <source>Anonymous contact</source>
            <translation>Contacto anónimo</translation>
        </message>
        <message>
            <source>For a call or visit where no client record is made. Only the date, kind, length, topics and services are kept, and they are counted in the summary.</source>
            <translation>Para una llamada o visita sin crear un registro de la persona. Solo se guardan la fecha, el tipo, la duración, los temas y los servicios, y se cuentan en el resumen.</translation>
        </message>
        <message>
            <source>How the person reached the office; counted in the summary, never a name.</source>
            <translation>Cómo se comunicó la persona con la oficina; se cuenta en el resumen, nunca un nombre.</translation>
        </message>
        <message>
            <source> minutes</source>
            <translation> minutos</translation>
        </message>
        <message>
            <source>&amp;Length</source>
            <translation>&amp;Duración</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>Temas</translation>
        </message>
        <message>
            <source>Log contact</source>
            <translation>Registrar el contacto</translation>
        </message>
        <message>
            <source>— not recorded —</source>
            <translation>— sin registrar —</translation>
        </message>
        <message>
            <source>Only the alias is required. Use a code or a first-name alias the client agrees to, never a legal name. Leave anything blank that you do not need.</source>
            <translation>Solo el alias es obligatorio. Use un código o un nombre de pila como alias, con el acuerdo de la persona; nunca su nombre legal. Deje en blanco lo que no necesite.</translation>
        </message>
        <message>
            <source>About</source>
            <translation>Datos generales</translation>
        </message>
        <message>
            <source>Alias (required)</source>
            <translation>Alias (obligatorio)</translation>
        </message>
        <message>
            <source>A code or first-name alias the client agrees to, never a legal name. Must differ from every other client's alias.</source>
            <translation>Un código o un nombre de pila que la persona acepte, nunca su nombre legal. Debe ser distinto del alias de cualquier otra persona.</translation>
        </message>
        <message>
            <source>Intake date known</source>
            <translation>Se conoce la fecha de ingreso</translation>
        </message>
        <message>
            <source>Intake date</source>
            <translation>Fecha de ingreso</translation>
        </message>
        <message>
            <source>Age group</source>
            <translation>Grupo de edad</translation>
        </message>
        <message>
            <source>Counted by age group in the anonymized summary. Not reported is a neutral choice.</source>
            <translation>Se cuenta por grupo de edad en el resumen anónimo. «Sin dato» es una opción neutral.</translation>
        </message>
        <message>
            <source>Trafficking type</source>
            <translation>Tipo de trata</translation>
        </message>
        <message>
            <source>Sex, labor or both, as the client describes it. Leave it not recorded if unsure.</source>
            <translation>Sexual, laboral o ambas, según lo describa la persona. Déjelo sin registrar si no está claro.</translation>
        </message>
        <message>
            <source>Preferred language</source>
            <translation>Idioma preferido</translation>
        </message>
        <message>
            <source>The language the client prefers to speak, in your own words.</source>
            <translation>El idioma que la persona prefiere hablar, en sus propias palabras.</translation>
        </message>
        <message>
            <source>Interpreter needed</source>
            <translation>Necesita intérprete</translation>
        </message>
        <message>
            <source>Assigned advocate</source>
            <translation>Intercesor/a a cargo</translation>
        </message>
        <message>
            <source>The advocate who works with this client; their list of clients shows it.</source>
            <translation>El intercesor o la intercesora que trabaja con esta persona; aparece en su lista de personas atendidas.</translation>
        </message>
        <message>
            <source>&amp;Alias (required)</source>
            <translation>&amp;Alias (obligatorio)</translation>
        </message>
        <message>
            <source>&amp;Intake date</source>
            <translation>Fecha de &amp;ingreso</translation>
        </message>
        <message>
            <source>A&amp;ge group</source>
            <translation>&amp;Grupo de edad</translation>
        </message>
        <message>
            <source>&amp;Trafficking type</source>
            <translation>&amp;Tipo de trata</translation>
        </message>
        <message>
            <source>Preferred &amp;language</source>
            <translation>I&amp;dioma preferido</translation>
        </message>
        <message>
            <source>Assigned ad&amp;vocate</source>
            <translation>Intercesor/a a &amp;cargo</translation>
        </message>
        <message>
            <source>Safe contact</source>
            <translation>Forma segura de contacto</translation>
        </message>
        <message>
            <source>How to reach them safely</source>
            <translation>Cómo contactarla de forma segura</translation>
        </message>
        <message>
            <source>e.g. text only, through her sister's phone</source>
            <translation>p. ej., solo mensajes de texto, por el teléfono de su hermana</translation>
        </message>
        <message>
            <source>Safe times</source>
            <translation>Horarios seguros</translation>
        </message>
        <message>
            <source>When it is safe to call or text, for example weekdays after 3 pm.</source>
            <translation>Cuándo es seguro llamar o enviar mensajes, por ejemplo entre semana después de las 3 de la tarde.</translation>
        </message>
        <message>
            <source>OK to leave a message?</source>
            <translation>¿Se puede dejar mensaje?</translation>
        </message>
        <message>
            <source>Whether a voicemail or text may be left. Never leave one unless the client said yes.</source>
            <translation>Si se puede dejar un mensaje de voz o de texto. Nunca deje uno si la persona no dijo que sí.</translation>
        </message>
        <message>
            <source>— not asked yet —</source>
            <translation>— aún no se preguntó —</translation>
        </message>
        <message>
            <source>Yes, a message is OK</source>
            <translation>Sí, se puede dejar mensaje</translation>
        </message>
        <message>
            <source>Code word</source>
            <translation>Palabra clave</translation>
        </message>
        <message>
            <source>A word the client can say to signal it is not safe to talk.</source>
            <translation>Una palabra que la persona puede decir para avisar que no es seguro hablar.</translation>
        </message>
        <message>
            <source>&amp;How to reach them</source>
            <translation>Cómo co&amp;ntactarla</translation>
        </message>
        <message>
            <source>Sa&amp;fe times</source>
            <translation>Horarios &amp;seguros</translation>
        </message>
        <message>
            <source>OK to leave a &amp;message?</source>
            <translation>¿Se puede dejar &amp;mensaje?</translation>
        </message>
        <message>
            <source>Code &amp;word</source>
            <translation>&amp;Palabra clave</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>Ingreso</translation>
        </message>
        <message>
            <source>The name the client goes by in this app; the list can sort by it, A to Z.</source>
            <translation>El nombre con el que se conoce a la persona en esta aplicación; la lista puede ordenarse por él, de la A a la Z.</translation>
        </message>
        <message>
            <source>Whether the case is open or closed.</source>
            <translation>Si el caso está abierto o cerrado.</translation>
        </message>
        <message>
            <source>The intake date; the list can sort by it, oldest or newest first.</source>
            <translation>La fecha de ingreso; la lista puede ordenarse por ella, de la más antigua o de la más reciente.</translation>
        </message>
        <message>
            <source>The advocate the client is assigned to.</source>
            <translation>La intercesora asignada a la persona.</translation>
        </message>
        <message>
            <source>Date of the last contact note; sorting oldest first puts clients never contacted at the top.</source>
            <translation>Fecha de la última nota de contacto; al ordenar de la más antigua, las personas sin ningún contacto quedan arriba.</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>aún no hay</translation>
        </message>
        <message>
            <source>former user</source>
            <translation>usuario anterior</translation>
        </message>
        <message>
            <source>edited {0}</source>
            <translation>editada el {0}</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Editar</translation>
        </message>
        <message>
            <source>Edit this note</source>
            <translation>Editar esta nota</translation>
        </message>
        <message>
            <source>New note</source>
            <translation>Nota nueva</translation>
        </message>
        <message>
            <source>Kind of note</source>
            <translation>Tipo de nota</translation>
        </message>
        <message>
            <source>What the note records: a contact, a referral, court advocacy and so on.</source>
            <translation>Lo que registra la nota: un contacto, una remisión, acompañamiento en el tribunal, etc.</translation>
        </message>
        <message>
            <source>Note text</source>
            <translation>Texto de la nota</translation>
        </message>
        <message>
            <source>Saved as a draft while you type. Notes can be subpoenaed: write facts, not opinions. Ctrl+Enter saves.</source>
            <translation>Se guarda como borrador mientras escribe. Las notas pueden ser objeto de una citación judicial (subpoena): escriba hechos, no opiniones. Ctrl+Enter guarda.</translation>
        </message>
        <message>
            <source>What happened, what was done, what comes next.</source>
            <translation>Qué pasó, qué se hizo, qué sigue.</translation>
        </message>
        <message>
            <source>Notes can be subpoenaed. Record facts and services, not opinions, guesses or safety-plan details.</source>
            <translation>Las notas pueden ser objeto de una citación judicial (subpoena). Registre hechos y servicios, no opiniones, suposiciones ni detalles del plan de seguridad.</translation>
        </message>
        <message>
            <source>Cancel edit</source>
            <translation>Cancelar la edición</translation>
        </message>
        <message>
            <source>Save note (Ctrl+Enter)</source>
            <translation>Guardar la nota (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Draft kept</source>
            <translation>Borrador conservado</translation>
        </message>
        <message>
            <source>Your unsaved draft was restored.</source>
            <translation>Se restauró su borrador sin guardar.</translation>
        </message>
        <message>
            <source>Editing a note</source>
            <translation>Editando una nota</translation>
        </message>
        <message>
            <source>Write something before saving.</source>
            <translation>Escriba algo antes de guardar.</translation>
        </message>
        <message>
            <source>Search this client's notes</source>
            <translation>Buscar en las notas de esta persona</translation>
        </message>
        <message>
            <source>Type words to show only the notes that contain them; Escape clears.</source>
            <translation>Escriba palabras para ver solo las notas que las contienen; Escape borra la búsqueda.</translation>
        </message>
        <message>
            <source>&amp;Write a note</source>
            <translation>&amp;Escribir una nota</translation>
        </message>
        <message>
            <source>Moves the cursor to the new note box</source>
            <translation>Lleva el cursor al cuadro de la nota nueva</translation>
        </message>
        <message>
            <source>Notes, newest first</source>
            <translation>Notas, las más recientes primero</translation>
        </message>
        <message>
            <source>One entry per saved note with its date, kind and author. Each has an edit button.</source>
            <translation>Una entrada por nota guardada, con su fecha, tipo y autor. Cada una tiene un botón para editarla.</translation>
        </message>
        <message>
            <source>No notes yet. Write the first one below.</source>
            <translation>Todavía no hay notas. Escriba la primera abajo.</translation>
        </message>
        <message>
            <source>Resize the note box</source>
            <translation>Cambiar el tamaño del cuadro de la nota</translation>
        </message>
        <message>
            <source>No notes match.</source>
            <translation>Ninguna nota coincide.</translation>
        </message>
        <message>
            <source>Who may receive what, for what purpose, until when. An expired or revoked release no longer allows sharing.</source>
            <translation>Quién puede recibir qué, con qué propósito y hasta cuándo. Una autorización vencida o revocada ya no permite compartir información.</translation>
        </message>
        <message>
            <source>Releases of information</source>
            <translation>Autorizaciones para compartir información</translation>
        </message>
        <message>
            <source>One row per release the client signed: active, expired or revoked, who may receive what and why, and the dates. Select one to revoke it.</source>
            <translation>Una fila por autorización firmada: vigente, vencida o revocada, quién puede recibir qué y para qué, y las fechas. Seleccione una para revocarla.</translation>
        </message>
        <message>
            <source>Record a release…</source>
            <translation>Registrar una autorización…</translation>
        </message>
        <message>
            <source>Records a release the client signed: recipient, information, purpose, dates.</source>
            <translation>Registra una autorización que la persona firmó: quién la recibe, qué información, para qué y las fechas.</translation>
        </message>
        <message>
            <source>Revoke selected</source>
            <translation>Revocar la seleccionada</translation>
        </message>
        <message>
            <source>The selected release stops allowing any sharing from now on, at once and without asking; it stays in the list as revoked.</source>
            <translation>La autorización seleccionada deja de permitir compartir desde ahora, de inmediato y sin preguntar; queda en la lista como revocada.</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Vigente</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Vencida</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Revocada</translation>
        </message>
        <message>
            <source>expired {0}</source>
            <translation>venció el {0}</translation>
        </message>
        <message>
            <source>until {0}</source>
            <translation>hasta el {0}</translation>
        </message>
        <message>
            <source>No releases recorded. Nothing may be shared without one.</source>
            <translation>No hay autorizaciones registradas. No se puede compartir nada sin una.</translation>
        </message>
        <message>
            <source>Select a release first.</source>
            <translation>Primero seleccione una autorización.</translation>
        </message>
        <message>
            <source>Clients</source>
            <translation>Clientes</translation>
        </message>
        <message>
            <source>New client</source>
            <translation>Agregar cliente</translation>
        </message>
        <message>
            <source>Filter by alias</source>
            <translation>Filtrar por alias</translation>
        </message>
        <message>
            <source>Filter clients by alias</source>
            <translation>Filtrar clientes por alias</translation>
        </message>
        <message>
            <source>Shows only the clients whose alias contains what you type; the list follows.</source>
            <translation>Muestra solo las personas cuyo alias contiene lo que usted escribe; la lista se actualiza sola.</translation>
        </message>
        <message>
            <source>Opens an empty form for a new client; only an alias is needed to start.</source>
            <translation>Abre un formulario vacío para una persona nueva; para empezar solo hace falta un alias.</translation>
        </message>
        <message>
            <source>Whose clients</source>
            <translation>Qué clientes mostrar</translation>
        </message>
        <message>
            <source>Choose between the clients assigned to you and every client of the office.</source>
            <translation>Elija entre las personas asignadas a usted y todas las de la oficina.</translation>
        </message>
        <message>
            <source>My clients</source>
            <translation>Mis clientes</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>Todos los clientes</translation>
        </message>
        <message>
            <source>Open or closed</source>
            <translation>Abiertos o cerrados</translation>
        </message>
        <message>
            <source>Choose whether the list shows open clients, closed clients, or both.</source>
            <translation>Elija si la lista muestra los casos abiertos, los cerrados o ambos.</translation>
        </message>
        <message>
            <source>Open and closed</source>
            <translation>Abiertos y cerrados</translation>
        </message>
        <message>
            <source>Search all notes (Ctrl+F)</source>
            <translation>Buscar en todas las notas (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search all notes</source>
            <translation>Buscar en todas las notas</translation>
        </message>
        <message>
            <source>Searches the text of every note you may read; the matching notes replace the client list. Empty the field to see the clients again.</source>
            <translation>Busca en el texto de todas las notas que usted puede leer; las notas que coinciden reemplazan la lista de clientes. Vacíe el campo para ver de nuevo la lista.</translation>
        </message>
        <message>
            <source>Client list</source>
            <translation>Lista de clientes</translation>
        </message>
        <message>
            <source>One row per client: alias, status, intake, advocate and last contact. Moving to a row shows that client's record on the right; Enter opens it.</source>
            <translation>Una fila por persona: alias, estado, ingreso, intercesor/a y último contacto. Al pasar a una fila, su registro aparece a la derecha; Enter lo abre.</translation>
        </message>
        <message>
            <source>Counting clients…</source>
            <translation>Contando clientes…</translation>
        </message>
        <message>
            <source>Notes that match</source>
            <translation>Notas que coinciden</translation>
        </message>
        <message>
            <source>One row per matching note, with its client and date. Enter opens the note.</source>
            <translation>Una fila por nota que coincide, con la persona y la fecha. Enter abre la nota.</translation>
        </message>
        <message>
            <source>Log anonymous contact…</source>
            <translation>Registrar un contacto anónimo…</translation>
        </message>
        <message>
            <source>Counts a call or visit from someone who gave no name, for the summary; no client record is made.</source>
            <translation>Cuenta una llamada o visita de alguien que no dio su nombre, para el resumen; no se crea ningún registro.</translation>
        </message>
        <message>
            <source>Select a client in the list, or press New client to add one. Only an alias is needed to start.</source>
            <translation>Seleccione un registro de la lista, o pulse Agregar cliente para crear uno. Para empezar solo hace falta un alias.</translation>
        </message>
        <message>
            <source>{0} clients</source>
            <translation>{0} clientes</translation>
        </message>
        <message>
            <source>1 client</source>
            <translation>1 cliente</translation>
        </message>
        <message>
            <source>No clients yet. Press New client to add the first one; only an alias is needed.</source>
            <translation>Todavía no hay clientes. Pulse Agregar cliente para crear el primer registro; solo hace falta un alias.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Create client</source>
            <translation>Crear el registro</translation>
        </message>
        <message>
            <source>1 note matches</source>
            <translation>1 nota coincide</translation>
        </message>
        <message>
            <source>{0} notes match</source>
            <translation>{0} notas coinciden</translation>
        </message>
        <message>
            <source>Anonymous contact logged.</source>
            <translation>Contacto anónimo registrado.</translation>
        </message>
        <message>
            <source>The demo is not available in this build.</source>
            <translation>La demostración no está disponible en esta versión.</translation>
        </message>
        <message>
            <source>Already open</source>
            <translation>Ya está abierta</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>This folder cannot be written</source>
            <translation>No se puede escribir en esta carpeta</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Intentar de nuevo</translation>
        </message>
        <message>
            <source>Checking the backup and putting it in place. The current vault is kept aside in a folder named before-restore.</source>
            <translation>Revisando la copia de seguridad y poniéndola en su lugar. La bóveda actual se guarda aparte en una carpeta llamada before-restore.</translation>
        </message>
        <message>
            <source>The backup was restored. The vault as it was is kept in {0}. Unlock to continue.</source>
            <translation>Se restauró la copia de seguridad. La bóveda tal como estaba se guarda en {0}. Desbloquee para continuar.</translation>
        </message>
        <message>
            <source>You unlocked with the recovery key. Choose a new passphrase for {0} now; the old one no longer matters.</source>
            <translation>Desbloqueó con la clave de recuperación. Elija ahora una frase de contraseña nueva para {0}; la anterior ya no cuenta.</translation>
        </message>
        <message>
            <source>Welcome, {0}. You unlocked with a temporary passphrase: choose your own now. Nobody else will know it.</source>
            <translation>Le damos la bienvenida, {0}. Desbloqueó con una frase de contraseña temporal: elija ahora la suya. Nadie más la sabrá.</translation>
        </message>
        <message>
            <source>DEMO — fictional training cases. Nothing here is real. Demo passphrase: {0}</source>
            <translation>DEMO: casos ficticios de capacitación. Nada aquí es real. Frase de contraseña de la demostración: {0}</translation>
        </message>
        <message>
            <source>DEMO — printed from the training demo</source>
            <translation>DEMO: impreso desde la demostración de capacitación</translation>
        </message>
        <message>
            <source>Resetting the demo</source>
            <translation>Reiniciando la demostración</translation>
        </message>
        <message>
            <source>Making a fresh demo vault…</source>
            <translation>Creando una bóveda de demostración nueva…</translation>
        </message>
        <message>
            <source>Something went wrong while resetting the demo.</source>
            <translation>Algo salió mal al reiniciar la demostración.</translation>
        </message>
        <message>
            <source>The demo could not be reset</source>
            <translation>No se pudo reiniciar la demostración</translation>
        </message>
        <message>
            <source>Close this window and open the demo again.</source>
            <translation>Cierre esta ventana y vuelva a abrir la demostración.</translation>
        </message>
        <message>
            <source>{0}: the client alias is used by another scenario</source>
            <translation>{0}: otro escenario ya usa este alias de cliente</translation>
        </message>
        <message>
            <source>Unlock the demo</source>
            <translation>Desbloquear la demostración</translation>
        </message>
        <message>
            <source>Demo passphrase: {0}</source>
            <translation>Frase de contraseña de la demostración: {0}</translation>
        </message>
        <message>
            <source>Demo passphrase</source>
            <translation>Frase de contraseña de la demostración</translation>
        </message>
        <message>
            <source>The demo cannot be opened</source>
            <translation>No se puede abrir la demostración</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>Capacitador/a</translation>
        </message>
        <message>
            <source>Scenarios</source>
            <translation>Escenarios</translation>
        </message>
        <message>
            <source>The training cases, all fictional. Choosing one shows its steps and its story.</source>
            <translation>Los casos de práctica, todos ficticios. Al elegir uno se muestran sus pasos y su historia.</translation>
        </message>
        <message>
            <source>These scenario files could not be used:</source>
            <translation>No se pudieron usar estos archivos de escenario:</translation>
        </message>
        <message>
            <source>&amp;Steps</source>
            <translation>&amp;Pasos</translation>
        </message>
        <message>
            <source>Steps: choose one to jump to it</source>
            <translation>Pasos: elija uno para ir a él</translation>
        </message>
        <message>
            <source>The scenario's steps in order; choosing one writes the demo record up to it.</source>
            <translation>Los pasos del escenario en orden; al elegir uno, el registro de la demostración se escribe hasta ese paso.</translation>
        </message>
        <message>
            <source>Reset the whole demo…</source>
            <translation>Reiniciar toda la demostración…</translation>
        </message>
        <message>
            <source>Delete the demo vault and start a fresh one</source>
            <translation>Borrar la bóveda de demostración y empezar una nueva</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Escenario</translation>
        </message>
        <message>
            <source>Presenter mode</source>
            <translation>Modo presentación</translation>
        </message>
        <message>
            <source>Larger text everywhere, for a projector</source>
            <translation>Texto más grande en todas partes, para un proyector</translation>
        </message>
        <message>
            <source>Fictional notice</source>
            <translation>Aviso de casos ficticios</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>For discussion</source>
            <translation>Para conversar</translation>
        </message>
        <message>
            <source>Discussion prompt</source>
            <translation>Pregunta para conversar</translation>
        </message>
        <message>
            <source>What this step records</source>
            <translation>Lo que registra este paso</translation>
        </message>
        <message>
            <source>Learning goals</source>
            <translation>Objetivos de aprendizaje</translation>
        </message>
        <message>
            <source>Demo step</source>
            <translation>Paso de la demostración</translation>
        </message>
        <message>
            <source>Demo status</source>
            <translation>Estado de la demostración</translation>
        </message>
        <message>
            <source>◀ Back</source>
            <translation>◀ Anterior</translation>
        </message>
        <message>
            <source>One step back (Alt+Left or Page Up)</source>
            <translation>Un paso atrás (Alt+Left o Page Up)</translation>
        </message>
        <message>
            <source>Back one step</source>
            <translation>Un paso atrás</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Siguiente ▶</translation>
        </message>
        <message>
            <source>One step forward (Alt+Right or Page Down)</source>
            <translation>Un paso adelante (Alt+Right o Page Down)</translation>
        </message>
        <message>
            <source>Go to the next step</source>
            <translation>Ir al siguiente paso</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Próximo paso</translation>
        </message>
        <message>
            <source>Open this client</source>
            <translation>Abrir el registro</translation>
        </message>
        <message>
            <source>Show the demo client's record in Clients</source>
            <translation>Mostrar en Clientes el registro de la persona de la demostración</translation>
        </message>
        <message>
            <source>Reset this scenario</source>
            <translation>Reiniciar este escenario</translation>
        </message>
        <message>
            <source>Back to the beginning: the client alone, before step 1</source>
            <translation>Volver al principio: solo la persona, antes del paso 1</translation>
        </message>
        <message>
            <source>Before step 1 — {0} alone</source>
            <translation>Antes del paso 1: solo {0}</translation>
        </message>
        <message>
            <source>Before step 1 of {0}</source>
            <translation>Antes del paso 1 de {0}</translation>
        </message>
        <message>
            <source>Meet {0}</source>
            <translation>Conozca a {0}</translation>
        </message>
        <message>
            <source>The client</source>
            <translation>La persona</translation>
        </message>
        <message>
            <source>In the demo record now</source>
            <translation>Ahora en el registro de demostración</translation>
        </message>
        <message>
            <source>Only the client's profile: no notes, needs or appointments yet. Press Next to play the first step.</source>
            <translation>Solo el perfil de la persona: todavía no hay notas, necesidades ni citas. Pulse Siguiente para pasar al primer paso.</translation>
        </message>
        <message>
            <source>Step {0} of {1}</source>
            <translation>Paso {0} de {1}</translation>
        </message>
        <message>
            <source>What this step records for {0}</source>
            <translation>Lo que registra este paso para {0}</translation>
        </message>
        <message>
            <source>Nothing new in the record; this step is for talking.</source>
            <translation>Nada nuevo en el registro; este paso es para conversar.</translation>
        </message>
        <message>
            <source>No scenarios</source>
            <translation>No hay escenarios</translation>
        </message>
        <message>
            <source>No scenario could be loaded, so there is nothing to play. Check the scenario files listed on the left.</source>
            <translation>No se pudo cargar ningún escenario, así que no hay nada que reproducir. Revise los archivos de escenario que aparecen a la izquierda.</translation>
        </message>
        <message>
            <source>Writing the step into the demo vault…</source>
            <translation>Escribiendo el paso en la bóveda de demostración…</translation>
        </message>
        <message>
            <source>Reset the whole demo?</source>
            <translation>¿Reiniciar toda la demostración?</translation>
        </message>
        <message>
            <source>This deletes the demo vault, with anything typed into it during training, and starts a fresh one. Every scenario goes back to its beginning. The office's real vault is not touched.</source>
            <translation>Esto borra la bóveda de demostración, con todo lo que se haya escrito en ella durante la capacitación, y crea una nueva. Todos los escenarios vuelven al principio. La bóveda real de la oficina no se toca.</translation>
        </message>
        <message>
            <source>Reset the whole demo</source>
            <translation>Reiniciar toda la demostración</translation>
        </message>
        <message>
            <source>Leave presenter mode</source>
            <translation>Salir del modo presentación</translation>
        </message>
        <message>
            <source>The step could not be written: {0} Try again, or reset this scenario.</source>
            <translation>No se pudo escribir el paso: {0} Vuelva a intentarlo o reinicie este escenario.</translation>
        </message>
        <message>
            <source>Something went wrong while writing the step. Try again, or reset this scenario.</source>
            <translation>Algo salió mal al escribir el paso. Vuelva a intentarlo o reinicie este escenario.</translation>
        </message>
        <message>
            <source>Language: {0}</source>
            <translation>Idioma: {0}</translation>
        </message>
        <message>
            <source>, with an interpreter</source>
            <translation>, con intérprete</translation>
        </message>
        <message>
            <source>Safe contact: {0}</source>
            <translation>Forma segura de contacto: {0}</translation>
        </message>
        <message>
            <source>1 note added</source>
            <translation>1 nota agregada</translation>
        </message>
        <message>
            <source>{0} notes added</source>
            <translation>{0} notas agregadas</translation>
        </message>
        <message>
            <source>New need “{0}” ({1}): {2}</source>
            <translation>Nueva necesidad “{0}” ({1}): {2}</translation>
        </message>
        <message>
            <source>Need “{0}”: now {1}</source>
            <translation>Necesidad “{0}”: ahora {1}</translation>
        </message>
        <message>
            <source>Need “{0}”: updated</source>
            <translation>Necesidad “{0}”: actualizada</translation>
        </message>
        <message>
            <source>, linked to {0}</source>
            <translation>, vinculada a {0}</translation>
        </message>
        <message>
            <source>Outcome recorded: {0}, {1}</source>
            <translation>Resultado registrado: {0}, {1}</translation>
        </message>
        <message>
            <source>Appointment: {0}, {1} at {2}</source>
            <translation>Cita: {0}, {1} a las {2}</translation>
        </message>
        <message>
            <source>Added to the resource directory: {0}</source>
            <translation>Agregado al directorio de recursos: {0}</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. Everything you had saved is safe, and text you were typing is kept as a draft. If it happens again, tell your supervisor; the details were written to the log (it holds no client information):
{0}</source>
            <translation>Ocurrió un error inesperado. Todo lo que había guardado está a salvo, y el texto que estaba escribiendo se conserva como borrador. Si vuelve a pasar, avísele a su supervisor/a; los detalles quedaron en el registro de errores (no contiene información de ninguna persona atendida):
{0}</translation>
        </message>
        <message>
            <source>A file could not be read or written: the disk may be full, read-only or no longer plugged in. Check it and try again.</source>
            <translation>No se pudo leer o escribir un archivo: puede que el disco esté lleno, sea de solo lectura o ya no esté conectado. Revíselo e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Algo salió mal</translation>
        </message>
        <message>
            <source>Open Help</source>
            <translation>Abrir la Ayuda</translation>
        </message>
        <message>
            <source>Show this list of shortcuts</source>
            <translation>Mostrar esta lista de atajos</translation>
        </message>
        <message>
            <source>Go to a section, in the order of the list on the left</source>
            <translation>Ir a una sección, en el orden de la lista de la izquierda</translation>
        </message>
        <message>
            <source>Search everything</source>
            <translation>Buscar en todo</translation>
        </message>
        <message>
            <source>Lock now (unsaved text is kept as a draft)</source>
            <translation>Bloquear ahora (el texto sin guardar se conserva como borrador)</translation>
        </message>
        <message>
            <source>Clients: write a new note for the open client</source>
            <translation>Clientes: escribir una nota nueva en el registro abierto</translation>
        </message>
        <message>
            <source>Clients: search all notes</source>
            <translation>Clientes: buscar en todas las notas</translation>
        </message>
        <message>
            <source>Save the note being written</source>
            <translation>Guardar la nota que se está escribiendo</translation>
        </message>
        <message>
            <source>Notes: open the services given, to tick them for the funder's report</source>
            <translation>Notas: abrir los servicios dados, para marcarlos para el informe a quienes financian</translation>
        </message>
        <message>
            <source>Needs: change the selected need's status</source>
            <translation>Necesidades: cambiar el estado de la necesidad seleccionada</translation>
        </message>
        <message>
            <source>Needs: set the status directly</source>
            <translation>Necesidades: poner el estado directamente</translation>
        </message>
        <message>
            <source>Needs: remove the selected need</source>
            <translation>Necesidades: quitar la necesidad seleccionada</translation>
        </message>
        <message>
            <source>Leave the search results</source>
            <translation>Salir de los resultados de búsqueda</translation>
        </message>
        <message>
            <source>Without a passphrase or the recovery key the files cannot be read. Copy them only with Backups, never by hand.</source>
            <translation>Sin una frase de contraseña o la clave de recuperación, los archivos no se pueden leer. Cópielos solo desde Copias de seguridad, nunca a mano.</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Ayuda</translation>
        </message>
        <message>
            <source>Help topics</source>
            <translation>Temas de ayuda</translation>
        </message>
        <message>
            <source>One row per short guide, then the keyboard shortcuts and the version and licences. Moving to a row shows it beside the list.</source>
            <translation>Una fila por guía breve, luego los atajos de teclado y la versión y licencias. Al pasar a una fila, su texto aparece al lado.</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>About, version and licences</source>
            <translation>Acerca de, versión y licencias</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>Texto de ayuda</translation>
        </message>
        <message>
            <source>The text of the topic chosen in the list.</source>
            <translation>El texto del tema elegido en la lista.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Selected need</source>
            <translation>Necesidad seleccionada</translation>
        </message>
        <message>
            <source>Select a need to see its next step, due date and history.</source>
            <translation>Seleccione una necesidad para ver su próximo paso, su fecha límite y su historial.</translation>
        </message>
        <message>
            <source>Where this need stands; each change is kept in the status history below. Declined means the client chose not to pursue it.</source>
            <translation>En qué punto está esta necesidad; cada cambio queda en el historial de estados de abajo. «La persona no la quiere» significa que decidió no seguir con ella.</translation>
        </message>
        <message>
            <source>Client's priority</source>
            <translation>Prioridad de la persona</translation>
        </message>
        <message>
            <source>How much this need matters to the client, in the client's own view.</source>
            <translation>Cuánto le importa esta necesidad a la persona, según ella misma.</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Sin definir</translation>
        </message>
        <message>
            <source>One line: what happens next for this need. Saved with Save changes.</source>
            <translation>Una línea: qué sigue con esta necesidad. Se guarda con Guardar los cambios.</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>Para el</translation>
        </message>
        <message>
            <source>Has a due date</source>
            <translation>Tiene fecha límite</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Fecha límite</translation>
        </message>
        <message>
            <source>Once this day passes the need is listed as overdue on Today.</source>
            <translation>Cuando pasa este día, la necesidad aparece como vencida en Hoy.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>One line kept with the need; anything written in the record could be subpoenaed, so details belong in a note.</source>
            <translation>Una línea que se guarda con la necesidad; todo lo escrito en el registro podría pedirse con una citación judicial (subpoena), así que los detalles van en una nota.</translation>
        </message>
        <message>
            <source>One line; details belong in a note</source>
            <translation>Una línea; los detalles van en una nota</translation>
        </message>
        <message>
            <source>Resource or referral</source>
            <translation>Recurso o remisión</translation>
        </message>
        <message>
            <source>The organization or program this need was referred to, if any.</source>
            <translation>La organización o el programa al que se derivó esta necesidad, si lo hay.</translation>
        </message>
        <message>
            <source>Organization or program</source>
            <translation>Organización o programa</translation>
        </message>
        <message>
            <source>S&amp;tatus</source>
            <translation>&amp;Estado</translation>
        </message>
        <message>
            <source>Client's p&amp;riority</source>
            <translation>&amp;Prioridad de la persona</translation>
        </message>
        <message>
            <source>Ne&amp;xt step</source>
            <translation>Pró&amp;ximo paso</translation>
        </message>
        <message>
            <source>D&amp;ue date</source>
            <translation>Fecha &amp;límite</translation>
        </message>
        <message>
            <source>N&amp;ote</source>
            <translation>&amp;Nota</translation>
        </message>
        <message>
            <source>Re&amp;source or referral</source>
            <translation>&amp;Recurso o remisión</translation>
        </message>
        <message>
            <source>Saves this need's status, priority, next step, due date, note and resource.</source>
            <translation>Guarda el estado, la prioridad, el siguiente paso, la fecha límite, la nota y el recurso de esta necesidad.</translation>
        </message>
        <message>
            <source>Status &amp;history</source>
            <translation>&amp;Historial de estados</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Historial de estados</translation>
        </message>
        <message>
            <source>One row per change of this need's status, newest first, with who and when.</source>
            <translation>Una fila por cambio de estado de esta necesidad, el más reciente primero, con quién y cuándo.</translation>
        </message>
        <message>
            <source>The selected need</source>
            <translation>La necesidad seleccionada</translation>
        </message>
        <message>
            <source>{0} — {1}</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <source> ({0})</source>
            <translation> ({0})</translation>
        </message>
        <message>
            <source>Add needs from the checklist</source>
            <translation>Agregar necesidades desde la lista</translation>
        </message>
        <message>
            <source>Tick the needs the client wants to work on (Space ticks the selected line). These are suggestions; the client decides.</source>
            <translation>Marque las necesidades en las que la persona quiere trabajar (la barra espaciadora marca la línea seleccionada). Son sugerencias; la persona decide.</translation>
        </message>
        <message>
            <source>Checklist items</source>
            <translation>Elementos de la lista</translation>
        </message>
        <message>
            <source>The office's checklist by category, one need per row. Space ticks the selected need; needs already on the client's list cannot be ticked again.</source>
            <translation>La lista de la oficina por categoría, una necesidad por fila. La barra espaciadora marca la seleccionada; las que ya están en la lista de la persona no se pueden marcar otra vez.</translation>
        </message>
        <message>
            <source>{0} — already on the list</source>
            <translation>{0} — ya está en la lista</translation>
        </message>
        <message>
            <source>Add needs</source>
            <translation>Agregar necesidades</translation>
        </message>
        <message>
            <source>Add 1 need</source>
            <translation>Agregar 1 necesidad</translation>
        </message>
        <message>
            <source>Add {0} needs</source>
            <translation>Agregar {0} necesidades</translation>
        </message>
        <message>
            <source>Add a need</source>
            <translation>Agregar una necesidad</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>The group the need is listed under, and counted under in the summary.</source>
            <translation>El grupo en el que aparece la necesidad y en el que se cuenta en el resumen.</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Necesidad</translation>
        </message>
        <message>
            <source>In a few words, what the client needs; no names or details of the case.</source>
            <translation>En pocas palabras, qué necesita la persona; sin nombres ni detalles del caso.</translation>
        </message>
        <message>
            <source>In a few words, e.g. “Storage for belongings”</source>
            <translation>En pocas palabras, p. ej., “Lugar para guardar sus cosas”</translation>
        </message>
        <message>
            <source>&amp;Category</source>
            <translation>&amp;Categoría</translation>
        </message>
        <message>
            <source>&amp;Need</source>
            <translation>&amp;Necesidad</translation>
        </message>
        <message>
            <source>Add need</source>
            <translation>Agregar la necesidad</translation>
        </message>
        <message>
            <source>Keep the {0} under {1} characters.</source>
            <translation>Escriba {0} con menos de {1} caracteres.</translation>
        </message>
        <message>
            <source>need's name</source>
            <translation>el nombre de la necesidad</translation>
        </message>
        <message>
            <source>Write what the need is, in a few words.</source>
            <translation>Escriba en pocas palabras cuál es la necesidad.</translation>
        </message>
        <message>
            <source>Choose a need category from the list.</source>
            <translation>Elija una categoría de necesidad de la lista.</translation>
        </message>
        <message>
            <source>Choose a status from the list.</source>
            <translation>Elija un estado de la lista.</translation>
        </message>
        <message>
            <source>Choose high, medium or low priority, or none.</source>
            <translation>Elija prioridad alta, media o baja, o ninguna.</translation>
        </message>
        <message>
            <source>Only a supervisor can change the checklist templates.</source>
            <translation>Solo un/a supervisor/a puede cambiar las plantillas de la lista de necesidades.</translation>
        </message>
        <message>
            <source>This checklist already has that item in this category.</source>
            <translation>Esta lista ya tiene ese elemento en esta categoría.</translation>
        </message>
        <message>
            <source>That checklist item no longer exists.</source>
            <translation>Ese elemento de la lista ya no existe.</translation>
        </message>
        <message>
            <source>The checklist already has an item with this name in this category. Rename one of them first.</source>
            <translation>La lista ya tiene un elemento con este nombre en esta categoría. Primero cambie el nombre de uno de ellos.</translation>
        </message>
        <message>
            <source>next step</source>
            <translation>el siguiente paso</translation>
        </message>
        <message>
            <source>note</source>
            <translation>la nota</translation>
        </message>
        <message>
            <source>resource or organization</source>
            <translation>el recurso u organización</translation>
        </message>
        <message>
            <source>The due date</source>
            <translation>La fecha límite</translation>
        </message>
        <message>
            <source>This client already has “{0}” under {1}.</source>
            <translation>Esta persona ya tiene «{0}» en {1}.</translation>
        </message>
        <message>
            <source>A checklist item you chose no longer exists. Open the list again and choose once more.</source>
            <translation>Un elemento de la lista que eligió ya no existe. Abra la lista otra vez y vuelva a elegir.</translation>
        </message>
        <message>
            <source>A checklist item you chose was retired meanwhile. Open the list again and choose once more.</source>
            <translation>Un elemento de la lista que eligió se retiró mientras tanto. Abra la lista otra vez y vuelva a elegir.</translation>
        </message>
        <message>
            <source>That need was removed. The list will be refreshed.</source>
            <translation>Esa necesidad se eliminó. La lista se actualizará.</translation>
        </message>
        <message>
            <source>This client already has a need with that name in this category.</source>
            <translation>Esta persona ya tiene una necesidad con ese nombre en esta categoría.</translation>
        </message>
        <message>
            <source>{0} · overdue</source>
            <translation>{0} · vencida</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioridad</translation>
        </message>
        <message>
            <source>The need, grouped under its category.</source>
            <translation>La necesidad, agrupada bajo su categoría.</translation>
        </message>
        <message>
            <source>Where the need stands; it can be changed right here.</source>
            <translation>En qué estado está la necesidad; puede cambiarse aquí mismo.</translation>
        </message>
        <message>
            <source>The client's own priority for this need.</source>
            <translation>La prioridad que la propia persona le da a esta necesidad.</translation>
        </message>
        <message>
            <source>The next thing to do for this need.</source>
            <translation>Lo próximo que hay que hacer para esta necesidad.</translation>
        </message>
        <message>
            <source>Date the need is due; an overdue one says so.</source>
            <translation>Fecha límite de la necesidad; si está vencida, lo dice.</translation>
        </message>
        <message>
            <source>The client's own priority</source>
            <translation>La prioridad que le da la persona</translation>
        </message>
        <message>
            <source>F2 or Enter to change; Alt+1 to Alt+5 to set directly</source>
            <translation>F2 o Enter para cambiar; Alt+1 a Alt+5 para poner el estado directamente</translation>
        </message>
        <message>
            <source>the resource {0} is already added in step {1}; each resource is added once</source>
            <translation>el recurso {0} ya se agrega en el paso {1}; cada recurso se agrega una sola vez</translation>
        </message>
        <message>
            <source>{0} ({1}) is listed twice in this step; put all its changes in one entry</source>
            <translation>{0} ({1}) aparece dos veces en este paso; ponga todos sus cambios en una sola entrada</translation>
        </message>
        <message>
            <source>{0} on day {1} is listed twice in this step</source>
            <translation>{0} del día {1} aparece dos veces en este paso</translation>
        </message>
        <message>
            <source>the resource {0} is only added in step {1}; add it in this step or an earlier one</source>
            <translation>el recurso {0} no se agrega hasta el paso {1}; agréguelo en este paso o en uno anterior</translation>
        </message>
        <message>
            <source>{0} is not a resource of this scenario or of the shipped directory; add it under [[steps.resources]] or check the name</source>
            <translation>{0} no es un recurso de este escenario ni del directorio incluido; agréguelo en [[steps.resources]] o revise el nombre</translation>
        </message>
        <message>
            <source>{0} differs only in capitals or spaces from {1}, opened earlier; use the same spelling to change it</source>
            <translation>{0} solo se diferencia en mayúsculas o espacios de {1}, abierta antes; use la misma escritura para cambiarla</translation>
        </message>
        <message>
            <source>none</source>
            <translation>vacío</translation>
        </message>
        <message>
            <source>{0} ({1}) was never opened in an earlier step, so this entry has nothing to change; open it first or check the spelling (opened so far in {1}: {2})</source>
            <translation>{0} ({1}) no se abrió en ningún paso anterior, así que esta entrada no tiene nada que cambiar; ábrala primero o revise cómo está escrita (abiertas hasta ahora en {1}: {2})</translation>
        </message>
        <message>
            <source>this entry for {0} changes nothing; give at least a status, priority, next_step, due_day or resource</source>
            <translation>esta entrada para {0} no cambia nada; indique al menos status, priority, next_step, due_day o resource</translation>
        </message>
        <message>
            <source>{0} day {1}</source>
            <translation>{0} día {1}</translation>
        </message>
        <message>
            <source>there is no earlier {0} appointment on day {1} for this outcome to update; an outcome update repeats the kind and day of an appointment from an earlier step (earlier: {2}). To add a new appointment instead, give its time</source>
            <translation>no hay una cita {0} anterior en el día {1} cuyo resultado se pueda actualizar; para actualizar un resultado se repiten el tipo y el día de una cita de un paso anterior (anteriores: {2}). Para agregar una cita nueva, indique su hora</translation>
        </message>
        <message>
            <source>a new appointment needs a time, like time = "09:30"</source>
            <translation>una cita nueva necesita una hora, por ejemplo time = "09:30"</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>Add from checklist…</source>
            <translation>Agregar desde la lista…</translation>
        </message>
        <message>
            <source>Opens the office's needs checklist to add several needs at once.</source>
            <translation>Abre la lista de necesidades de la oficina para agregar varias a la vez.</translation>
        </message>
        <message>
            <source>Add my own…</source>
            <translation>Agregar con mis palabras…</translation>
        </message>
        <message>
            <source>Adds a need in your own words, under a category you choose.</source>
            <translation>Agrega una necesidad con sus propias palabras, en la categoría que usted elija.</translation>
        </message>
        <message>
            <source>Remove a need added by mistake (Delete). If the client chose not to pursue it, mark it declined.</source>
            <translation>Quitar una necesidad agregada por error (Delete). Si la persona decidió no seguir con ella, márquela como “La persona no la quiere”.</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Necesidades</translation>
        </message>
        <message>
            <source>Removes the selected need added by mistake, after asking. If the client chose not to pursue it, mark it declined instead.</source>
            <translation>Quita la necesidad seleccionada agregada por error, después de preguntar. Si la persona decidió no seguir con ella, márquela como «La persona no la quiere».</translation>
        </message>
        <message>
            <source>This client's needs by category: each row shows the need, its status and its due date; the selected need's details are beside the list. Enter or F2 changes the status; Delete removes a need added by mistake.</source>
            <translation>Las necesidades de esta persona por categoría: cada fila muestra la necesidad, su estado y su fecha límite; los detalles de la seleccionada están al lado. Enter o F2 cambia el estado; Suprimir quita una necesidad agregada por error.</translation>
        </message>
        <message>
            <source>No needs are recorded for this client yet. Use “Add from checklist…” to pick from the office's suggestions, or “Add my own…” to write one in your own words.</source>
            <translation>Todavía no hay necesidades registradas para esta persona. Use “Agregar desde la lista…” para elegir entre las sugerencias de la oficina, o “Agregar con mis palabras…” para escribir una usted.</translation>
        </message>
        <message>
            <source>F2 or Enter: change status · Alt+1 to Alt+5: set status · Delete: remove</source>
            <translation>F2 o Enter: cambiar el estado · Alt+1 a Alt+5: poner el estado · Delete: quitar</translation>
        </message>
        <message>
            <source>A resource from the directory, or any organization</source>
            <translation>Un recurso del directorio, o cualquier organización</translation>
        </message>
        <message>
            <source>Mark “{0}”</source>
            <translation>Marcar “{0}”</translation>
        </message>
        <message>
            <source>Change status…</source>
            <translation>Cambiar el estado…</translation>
        </message>
        <message>
            <source>Select a need first.</source>
            <translation>Primero seleccione una necesidad.</translation>
        </message>
        <message>
            <source>Remove need</source>
            <translation>Quitar la necesidad</translation>
        </message>
        <message>
            <source>Remove “{0}” and its status history? Use this for a need added by mistake. If the client chose not to pursue it, mark it “Declined by client” instead.</source>
            <translation>¿Quitar “{0}” y su historial de estados? Use esto para una necesidad agregada por error. Si la persona decidió no seguir con ella, márquela como “La persona no la quiere”.</translation>
        </message>
        <message>
            <source>Print “{0}”</source>
            <translation>Imprimir “{0}”</translation>
        </message>
        <message>
            <source>Save article as PDF</source>
            <translation>Guardar el artículo como PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF not saved</source>
            <translation>No se guardó el PDF</translation>
        </message>
        <message>
            <source>The PDF could not be written to {0}. Choose a folder you can save to, such as Documents, and try again.</source>
            <translation>No se pudo escribir el PDF en {0}. Elija una carpeta en la que pueda guardar, como Documentos, y vuelva a intentarlo.</translation>
        </message>
        <message>
            <source>National and statewide resources</source>
            <translation>Recursos nacionales y estatales</translation>
        </message>
        <message>
            <source>Lines and organizations that serve the whole country or all of North Carolina. Your office adds its local resources inside the vault.</source>
            <translation>Líneas y organizaciones que atienden a todo el país o a todo Carolina del Norte. Su oficina agrega sus recursos locales dentro de la bóveda.</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Recursos</translation>
        </message>
        <message>
            <source>One row for each line or organization, with its phone number, text number and hours. Choose a row to read all its details below the list.</source>
            <translation>Una fila por cada línea u organización, con su número de teléfono, su número para mensajes de texto y su horario. Elija una fila para leer todos sus datos debajo de la lista.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>The line or organization.</source>
            <translation>La línea de ayuda o la organización.</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <source>The number to call.</source>
            <translation>El número al que se llama.</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texto (SMS)</translation>
        </message>
        <message>
            <source>The number to text, if it takes text messages.</source>
            <translation>El número para enviar mensajes de texto, si los recibe.</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Horario</translation>
        </message>
        <message>
            <source>When someone answers.</source>
            <translation>Cuándo contesta alguien.</translation>
        </message>
        <message>
            <source>TTY</source>
            <translation>TTY</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Idiomas</translation>
        </message>
        <message>
            <source>Area served</source>
            <translation>Zona que atiende</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Fuente</translation>
        </message>
        <message>
            <source>Copy phone number</source>
            <translation>Copiar el número de teléfono</translation>
        </message>
        <message>
            <source>Copies the phone number of the resource chosen in the list. The clipboard is cleared again after a short while.</source>
            <translation>Copia el número de teléfono del recurso elegido en la lista. El portapapeles se borra de nuevo al poco tiempo.</translation>
        </message>
        <message>
            <source>Copied {0}</source>
            <translation>Se copió {0}</translation>
        </message>
        <message>
            <source>No resources are listed.</source>
            <translation>No hay recursos en la lista.</translation>
        </message>
        <message>
            <source>This entry has no confirmed phone number.</source>
            <translation>Esta entrada no tiene un número de teléfono confirmado.</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <source>Search the reference</source>
            <translation>Buscar en la referencia</translation>
        </message>
        <message>
            <source>Reference articles</source>
            <translation>Artículos de referencia</translation>
        </message>
        <message>
            <source>Articles grouped by topic, with the national and statewide resources first. Use the arrow keys to read an article beside the list; press Enter to move into its text.</source>
            <translation>Artículos agrupados por tema, con los recursos nacionales y estatales primero. Use las flechas para leer un artículo al lado de la lista; pulse Intro para pasar a su texto.</translation>
        </message>
        <message>
            <source>Review due</source>
            <translation>Revisión pendiente</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Imprimir…</translation>
        </message>
        <message>
            <source>Print article</source>
            <translation>Imprimir el artículo</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Guardar como PDF…</translation>
        </message>
        <message>
            <source>Article text</source>
            <translation>Texto del artículo</translation>
        </message>
        <message>
            <source>Searches the titles and text of the reference articles and of the national and statewide resources; the list below shows what matches. Press Enter to open the best match.</source>
            <translation>Busca en los títulos y el texto de los artículos de referencia y de los recursos nacionales y estatales; la lista de abajo muestra lo que coincide. Pulse Intro para abrir el mejor resultado.</translation>
        </message>
        <message>
            <source>Choose an article</source>
            <translation>Elija un artículo</translation>
        </message>
        <message>
            <source>Pick a topic from the list, or type a word in the search box above it.</source>
            <translation>Elija un tema de la lista, o escriba una palabra en el cuadro de búsqueda de arriba.</translation>
        </message>
        <message>
            <source>The reference library could not be loaded. Its files may be missing or damaged; reinstalling Advocate Companion puts them back.</source>
            <translation>No se pudo cargar la biblioteca de referencia. Puede que falten sus archivos o que estén dañados; al reinstalar Advocate Companion se recuperan.</translation>
        </message>
        <message>
            <source>The reference library is not available</source>
            <translation>La biblioteca de referencia no está disponible</translation>
        </message>
        <message>
            <source>Show national hotlines</source>
            <translation>Mostrar las líneas de ayuda nacionales</translation>
        </message>
        <message>
            <source>The national and statewide hotlines are still available: this shows them.</source>
            <translation>Las líneas de ayuda nacionales y estatales siguen disponibles: este botón las muestra.</translation>
        </message>
        <message>
            <source>Hotlines and statewide organizations, with phone numbers</source>
            <translation>Líneas de ayuda y organizaciones estatales, con números de teléfono</translation>
        </message>
        <message>
            <source>This article is due for review. Check its sources before relying on a fact or a phone number in it.</source>
            <translation>Este artículo tiene una revisión pendiente. Revise sus fuentes antes de confiar en un dato o un número de teléfono que contenga.</translation>
        </message>
        <message>
            <source>In English</source>
            <translation>En inglés</translation>
        </message>
        <message>
            <source>This article is not in Spanish yet; it is shown in English.</source>
            <translation>Este artículo aún no está en español; se muestra en inglés.</translation>
        </message>
        <message>
            <source>May be out of date</source>
            <translation>Puede estar desactualizado</translation>
        </message>
        <message>
            <source>The English version was reviewed after this translation was written: it may be out of date.</source>
            <translation>La versión en inglés se revisó después de escribir esta traducción: puede estar desactualizada.</translation>
        </message>
        <message>
            <source>Search failed. Try again.</source>
            <translation>No se pudo buscar. Vuelva a intentarlo.</translation>
        </message>
        <message>
            <source>Articles: {0} · Resources: {1}</source>
            <translation>Artículos: {0} · Recursos: {1}</translation>
        </message>
        <message>
            <source>Nothing matches “{0}”</source>
            <translation>Nada coincide con “{0}”</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Artículos</translation>
        </message>
        <message>
            <source>This article is not in Spanish yet.</source>
            <translation>Este artículo aún no está en español.</translation>
        </message>
        <message>
            <source>The English version, last reviewed on {0}.</source>
            <translation>La versión en inglés, revisada por última vez el {0}.</translation>
        </message>
        <message>
            <source>Show the translation</source>
            <translation>Mostrar la traducción</translation>
        </message>
        <message>
            <source>The English version was reviewed after this translation (last on {0}): it may be out of date.</source>
            <translation>La versión en inglés se revisó después de esta traducción (la última vez el {0}): puede estar desactualizada.</translation>
        </message>
        <message>
            <source>Show the English version</source>
            <translation>Mostrar la versión en inglés</translation>
        </message>
        <message>
            <source>Translated from the English version reviewed on {0}.</source>
            <translation>Traducido de la versión en inglés revisada el {0}.</translation>
        </message>
        <message>
            <source>Shows this article in the other language; the list stays as it is.</source>
            <translation>Muestra este artículo en el otro idioma; la lista queda como está.</translation>
        </message>
        <message>
            <source>Opens the print dialog for the article shown, without its links.</source>
            <translation>Abre el diálogo de impresión para el artículo que se muestra, sin sus enlaces.</translation>
        </message>
        <message>
            <source>Asks where to save the article shown as a PDF file.</source>
            <translation>Pregunta dónde guardar como archivo PDF el artículo que se muestra.</translation>
        </message>
        <message>
            <source>The text of the article chosen in the list. A link to another reference article opens it here; nothing is opened on the internet.</source>
            <translation>El texto del artículo elegido en la lista. Un enlace a otro artículo de referencia lo abre aquí; nada se abre en internet.</translation>
        </message>
        <message>
            <source>Review due: this article was last reviewed on {0}. Laws, programs and phone numbers may have changed since; check its sources before relying on them.</source>
            <translation>Revisión pendiente: este artículo se revisó por última vez el {0}. Puede que las leyes, los programas y los números de teléfono hayan cambiado desde entonces; revise sus fuentes antes de confiar en ellos.</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
        <message>
            <source>Last reviewed: {0}</source>
            <translation>Última revisión: {0}</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Exportar PDF…</translation>
        </message>
        <message>
            <source>Web page (HTML), for screen readers</source>
            <translation>Página web (HTML), para lectores de pantalla</translation>
        </message>
        <message>
            <source>Export web page…</source>
            <translation>Exportar página web…</translation>
        </message>
        <message>
            <source>Web pages (*.html)</source>
            <translation>Páginas web (*.html)</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>Texto sin formato</translation>
        </message>
        <message>
            <source>Export text file…</source>
            <translation>Exportar archivo de texto…</translation>
        </message>
        <message>
            <source>Text files (*.txt)</source>
            <translation>Archivos de texto (*.txt)</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Español</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>a former user</source>
            <translation>un usuario anterior</translation>
        </message>
        <message>
            <source>Exported on {0} UTC by {1}: {2}, privacy threshold {3}</source>
            <translation>Exportado el {0} UTC por {1}: {2}, umbral de privacidad {3}</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Informes</translation>
        </message>
        <message>
            <source>Anonymized summary</source>
            <translation>Resumen anónimo</translation>
        </message>
        <message>
            <source>Counts only, for funders and the board: no names, aliases, notes or exact dates. Small numbers are hidden so no one can be pointed out.</source>
            <translation>Solo cifras, para quienes financian y para la junta directiva: sin nombres, alias, notas ni fechas exactas. Las cifras pequeñas se ocultan para que no se pueda identificar a nadie.</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <source>The completed quarter or year the summary counts. Only ended periods are listed.</source>
            <translation>El trimestre o año terminado que cuenta el resumen. Solo aparecen períodos ya terminados.</translation>
        </message>
        <message>
            <source>&amp;Period</source>
            <translation>&amp;Período</translation>
        </message>
        <message>
            <source>Completed fiscal quarters, fiscal years and calendar years only.</source>
            <translation>Solo trimestres fiscales, años fiscales y años calendario ya terminados.</translation>
        </message>
        <message>
            <source>Show summary</source>
            <translation>Mostrar el resumen</translation>
        </message>
        <message>
            <source>Save the summary as</source>
            <translation>Guardar el resumen como</translation>
        </message>
        <message>
            <source>The same summary as a PDF, as a web page a screen reader reads as tables, or as plain text.</source>
            <translation>El mismo resumen en PDF, como página web que un lector de pantalla lee como tablas, o como texto sin formato.</translation>
        </message>
        <message>
            <source>Save &amp;as</source>
            <translation>&amp;Guardar como</translation>
        </message>
        <message>
            <source>Language of the summary</source>
            <translation>Idioma del resumen</translation>
        </message>
        <message>
            <source>The words of the summary, on screen and in the exported file. The numbers are the same in every language.</source>
            <translation>Las palabras del resumen, en la pantalla y en el archivo exportado. Las cifras son las mismas en todos los idiomas.</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Progreso de la exportación</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <source>The anonymized summary for the chosen period, as it will be exported: small counts are hidden.</source>
            <translation>El resumen anónimo del período elegido, tal como se exportará: las cifras pequeñas se ocultan.</translation>
        </message>
        <message>
            <source>Choose a period and press Show summary.</source>
            <translation>Elija un período y pulse Mostrar el resumen.</translation>
        </message>
        <message>
            <source>Summaries exported before</source>
            <translation>Resúmenes exportados antes</translation>
        </message>
        <message>
            <source>Each new summary is checked against these, so that no one holding several of them can work out a hidden count. The list is kept inside the vault.</source>
            <translation>Cada resumen nuevo se compara con estos, para que nadie que tenga varios pueda deducir una cifra oculta. La lista se guarda dentro de la bóveda.</translation>
        </message>
        <message>
            <source>One row per summary already exported: when, by whom, the period and the privacy threshold. Later summaries are checked against these so no count can be worked out by comparing them.</source>
            <translation>Una fila por cada resumen ya exportado: cuándo, quién, el período y el umbral de privacidad. Los resúmenes siguientes se comprueban con estos para que ninguna cifra pueda deducirse comparándolos.</translation>
        </message>
        <message>
            <source>&amp;Anonymized summary</source>
            <translation>Resumen &amp;anónimo</translation>
        </message>
        <message>
            <source>&amp;VOCA quarterly figures</source>
            <translation>Cifras trimestrales de &amp;VOCA</translation>
        </message>
        <message>
            <source>Privacy threshold: groups smaller than {1} are hidden (the office's setting; a supervisor changes it in Settings).</source>
            <translation>Umbral de privacidad: se ocultan los grupos de menos de {1} (es un ajuste de la oficina; lo puede cambiar alguien con el rol de supervisor/a en Configuración).</translation>
        </message>
        <message>
            <source>No summary has been exported yet.</source>
            <translation>Todavía no se ha exportado ningún resumen.</translation>
        </message>
        <message>
            <source>Choose a period first.</source>
            <translation>Primero elija un período.</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Contando…</translation>
        </message>
        <message>
            <source>Showing {0}. Privacy threshold: groups smaller than {1} are hidden.</source>
            <translation>Se muestra: {0}. Umbral de privacidad: se ocultan los grupos de menos de {1}.</translation>
        </message>
        <message>
            <source>Export the anonymized summary</source>
            <translation>Exportar el resumen anónimo</translation>
        </message>
        <message>
            <source>Replace file</source>
            <translation>Reemplazar el archivo</translation>
        </message>
        <message>
            <source>A file named {0} is already there. Replace it with this summary?</source>
            <translation>Ya hay un archivo llamado {0} en ese lugar. ¿Reemplazarlo con este resumen?</translation>
        </message>
        <message>
            <source>Saved the summary ({0}).</source>
            <translation>Se guardó el resumen ({0}).</translation>
        </message>
        <message>
            <source>The summary could not be written there (the folder may be read-only or full). Nothing was left half-written. Choose another place.</source>
            <translation>No se pudo escribir el resumen allí (puede que la carpeta sea de solo lectura o esté llena). No quedó nada a medio escribir. Elija otro lugar.</translation>
        </message>
        <message>
            <source>Add a local resource</source>
            <translation>Agregar un recurso local</translation>
        </message>
        <message>
            <source>Filter by name, county or category</source>
            <translation>Filtrar por nombre, condado o categoría</translation>
        </message>
        <message>
            <source>Filter resources</source>
            <translation>Filtrar recursos</translation>
        </message>
        <message>
            <source>Opens an empty form for one of your office's own local resources.</source>
            <translation>Abre un formulario vacío para un recurso local propio de su oficina.</translation>
        </message>
        <message>
            <source>Shows only the resources whose name, county or category contains what you type.</source>
            <translation>Muestra solo los recursos cuyo nombre, condado o categoría contiene lo que usted escribe.</translation>
        </message>
        <message>
            <source>Resource directory</source>
            <translation>Directorio de recursos</translation>
        </message>
        <message>
            <source>One entry per resource: its name, then category and phone. Moving to an entry shows it beside the list; entries that come with the app cannot be changed.</source>
            <translation>Una entrada por recurso: su nombre, luego la categoría y el teléfono. Al pasar a una entrada, aparece al lado; las que vienen con la aplicación no se pueden cambiar.</translation>
        </message>
        <message>
            <source>Local entries are your office's own; national and statewide ones come with the app.</source>
            <translation>Las entradas locales son de su oficina; las nacionales y estatales vienen con la aplicación.</translation>
        </message>
        <message>
            <source>Choose a resource, or add your office's own.</source>
            <translation>Elija un recurso, o agregue uno de su oficina.</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>&amp;Teléfono</translation>
        </message>
        <message>
            <source>&amp;Hours</source>
            <translation>&amp;Horario</translation>
        </message>
        <message>
            <source>&amp;Languages</source>
            <translation>&amp;Idiomas</translation>
        </message>
        <message>
            <source>C&amp;ounty</source>
            <translation>Con&amp;dado</translation>
        </message>
        <message>
            <source>No&amp;tes</source>
            <translation>N&amp;otas</translation>
        </message>
        <message>
            <source>The organization or program, as people know it.</source>
            <translation>La organización o el programa, como lo conoce la gente.</translation>
        </message>
        <message>
            <source>The kind of help it gives; the directory can be filtered by it.</source>
            <translation>El tipo de ayuda que da; el directorio se puede filtrar por esto.</translation>
        </message>
        <message>
            <source>The number to call; Copy phone number puts it on the clipboard.</source>
            <translation>El número al que llamar; Copiar el número de teléfono lo pone en el portapapeles.</translation>
        </message>
        <message>
            <source>When it is open or answers, in a few words.</source>
            <translation>Cuándo abre o atiende, en pocas palabras.</translation>
        </message>
        <message>
            <source>The languages its staff speak.</source>
            <translation>Los idiomas que habla su personal.</translation>
        </message>
        <message>
            <source>Where it serves; the directory can be filtered by it.</source>
            <translation>Dónde da servicio; el directorio se puede filtrar por esto.</translation>
        </message>
        <message>
            <source>What an advocate should know before referring someone; seen by everyone in the office. Never a client's name.</source>
            <translation>Lo que una intercesora debe saber antes de derivar a alguien; lo ve toda la oficina. Nunca el nombre de una persona atendida.</translation>
        </message>
        <message>
            <source>Copies the phone number; the clipboard is cleared again after a short time.</source>
            <translation>Copia el número de teléfono; el portapapeles se vacía otra vez al poco tiempo.</translation>
        </message>
        <message>
            <source>Save resource</source>
            <translation>Guardar el recurso</translation>
        </message>
        <message>
            <source>Removes this local resource after asking; needs that name it keep the name.</source>
            <translation>Quita este recurso local después de preguntar; las necesidades que lo nombran conservan el nombre.</translation>
        </message>
        <message>
            <source>local</source>
            <translation>local</translation>
        </message>
        <message>
            <source>{0} (comes with the app)</source>
            <translation>{0} (incluido en la aplicación)</translation>
        </message>
        <message>
            <source>New local resource</source>
            <translation>Nuevo recurso local</translation>
        </message>
        <message>
            <source>Remove resource</source>
            <translation>Quitar el recurso</translation>
        </message>
        <message>
            <source>Remove this local resource? Needs that name it keep the name.</source>
            <translation>¿Quitar este recurso local? Las necesidades que lo mencionan conservan el nombre.</translation>
        </message>
        <message>
            <source>Copied {0}. It is cleared from the clipboard in a minute.</source>
            <translation>Se copió {0}. Se borrará del portapapeles en un minuto.</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Artículo</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>Recurso</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Spelling correction</source>
            <translation>Corrección ortográfica</translation>
        </message>
        <message>
            <source>Enter opens the selected result; Escape goes back.</source>
            <translation>Enter abre el resultado seleccionado; Escape vuelve atrás.</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Resultados de la búsqueda</translation>
        </message>
        <message>
            <source>One row per record found, best match first, its kind named at the start. Enter opens the record.</source>
            <translation>Una fila por registro encontrado, el que mejor coincide primero, con su tipo al principio. Enter abre el registro.</translation>
        </message>
        <message>
            <source>Search failed</source>
            <translation>No se pudo buscar</translation>
        </message>
        <message>
            <source>The search could not be completed. Try again; if it keeps failing, make a backup in Backups: it reads the whole vault and says if any part of it is damaged.</source>
            <translation>No se pudo completar la búsqueda. Inténtelo de nuevo; si sigue fallando, haga una copia de seguridad en Copias de seguridad: así se lee toda la bóveda cifrada y se avisa si alguna parte está dañada.</translation>
        </message>
        <message>
            <source>Results for “{0}”</source>
            <translation>Resultados para “{0}”</translation>
        </message>
        <message>
            <source>Nothing found for “{0}”</source>
            <translation>No se encontró nada para “{0}”</translation>
        </message>
        <message>
            <source>Showing results for {0} — search instead for {1}</source>
            <translation>Se muestran resultados para {0}; buscar en cambio {1}</translation>
        </message>
        <message>
            <source>Many notes match: the newest are shown while all are ranked…</source>
            <translation>Muchas notas coinciden: se muestran las más recientes mientras se ordenan todas…</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>{0}, line {1}: {2}</source>
            <translation>{0}, línea {1}: {2}</translation>
        </message>
        <message>
            <source>{0}, line {1}, column {2}: {3}</source>
            <translation>{0}, línea {1}, columna {2}: {3}</translation>
        </message>
        <message>
            <source>the file is {0} MB; the most allowed is 1 MB</source>
            <translation>el archivo ocupa {0} MB; lo máximo permitido es 1 MB</translation>
        </message>
        <message>
            <source>the file does not exist</source>
            <translation>el archivo no existe</translation>
        </message>
        <message>
            <source>the file is larger than 1 MB, the most allowed</source>
            <translation>el archivo ocupa más de 1 MB, lo máximo permitido</translation>
        </message>
        <message>
            <source>the file is not valid UTF-8 text (bad byte at offset {0}); save it as UTF-8</source>
            <translation>el archivo no es texto UTF-8 válido (byte incorrecto en la posición {0}); guárdelo como UTF-8</translation>
        </message>
        <message>
            <source>the file has no categories; it should have one table per need category, like [housing] with items = ["Emergency shelter", ...]</source>
            <translation>el archivo no tiene categorías; debe tener una tabla por cada categoría de necesidad, como [housing] con items = ["Refugio de emergencia", ...]</translation>
        </message>
        <message>
            <source>"{0}" is not a need category (choose one of: {1})</source>
            <translation>"{0}" no es una categoría de necesidad (elija una de: {1})</translation>
        </message>
        <message>
            <source>"{0}" should be a table, like [{0}] followed by items = [...]</source>
            <translation>"{0}" debe ser una tabla, como [{0}] seguida de items = [...]</translation>
        </message>
        <message>
            <source>"{0}" is not understood in [{1}]; the only key is "items"</source>
            <translation>"{0}" no se entiende en [{1}]; la única clave es "items"</translation>
        </message>
        <message>
            <source>[{0}] has no "items" list</source>
            <translation>[{0}] no tiene una lista "items"</translation>
        </message>
        <message>
            <source>"items" in [{0}] should be a list in square brackets, like items = ["First item", "Second item"]</source>
            <translation>"items" en [{0}] debe ser una lista entre corchetes, como items = ["Primer elemento", "Segundo elemento"]</translation>
        </message>
        <message>
            <source>[{0}] has {1} items; at most {2} are allowed</source>
            <translation>[{0}] tiene {1} elementos; se permiten {2} como máximo</translation>
        </message>
        <message>
            <source>every item in [{0}] should be text in quotes, not {1}</source>
            <translation>cada elemento de [{0}] debe ser texto entre comillas, no {1}</translation>
        </message>
        <message>
            <source>[{0}] has an empty item</source>
            <translation>[{0}] tiene un elemento vacío</translation>
        </message>
        <message>
            <source>an item in [{0}] is {1} characters long; at most {2} are allowed</source>
            <translation>un elemento de [{0}] tiene {1} caracteres; se permiten {2} como máximo</translation>
        </message>
        <message>
            <source>"{0}" is listed twice in [{1}]</source>
            <translation>"{0}" aparece dos veces en [{1}]</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <source>A few words, the same for every client; clients' existing needs keep their wording.</source>
            <translation>Pocas palabras, iguales para todas las personas; las necesidades que ya tienen conservan su redacción.</translation>
        </message>
        <message>
            <source>Write the item in a few words.</source>
            <translation>Escriba el elemento en pocas palabras.</translation>
        </message>
        <message>
            <source>Office needs checklist</source>
            <translation>Lista de necesidades de la oficina</translation>
        </message>
        <message>
            <source>These are the needs suggested when an advocate adds needs from the checklist. Changes apply from now on: clients' existing needs keep their wording, and retiring an item never removes it from anyone's list.</source>
            <translation>Estas son las necesidades que se sugieren al agregar necesidades desde la lista. Los cambios se aplican a partir de ahora: las necesidades que ya tienen las personas atendidas conservan su redacción, y retirar un elemento nunca lo quita de la lista de nadie.</translation>
        </message>
        <message>
            <source>When this checklist was first set up, the checklist file could not be used ({0}), so the built-in list was used. Edit the items here.</source>
            <translation>Cuando se configuró esta lista por primera vez, no se pudo usar el archivo de la lista ({0}), así que se usó la lista incorporada. Edite los elementos aquí.</translation>
        </message>
        <message>
            <source>Only a supervisor can change the checklist.</source>
            <translation>Solo alguien con el rol de supervisor/a puede cambiar la lista.</translation>
        </message>
        <message>
            <source>Checklist items by category</source>
            <translation>Elementos de la lista por categoría</translation>
        </message>
        <message>
            <source>The office's suggested needs, grouped by category. Select an item to rename, retire or bring it back with the buttons below.</source>
            <translation>Las necesidades sugeridas de la oficina, agrupadas por categoría. Seleccione una para cambiarle el nombre, retirarla o reactivarla con los botones de abajo.</translation>
        </message>
        <message>
            <source>Show retired items</source>
            <translation>Mostrar elementos retirados</translation>
        </message>
        <message>
            <source>Add item…</source>
            <translation>Agregar elemento…</translation>
        </message>
        <message>
            <source>Adds an item to the selected category, suggested from now on.</source>
            <translation>Agrega una necesidad a la categoría seleccionada, que se sugiere desde ahora.</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Cambiar nombre…</translation>
        </message>
        <message>
            <source>Retire</source>
            <translation>Retirar</translation>
        </message>
        <message>
            <source>Stop suggesting this item. Clients who have it keep it.</source>
            <translation>Dejar de sugerir este elemento. Las personas atendidas que ya lo tienen lo conservan.</translation>
        </message>
        <message>
            <source>Bring back</source>
            <translation>Reactivar</translation>
        </message>
        <message>
            <source>{0} (retired)</source>
            <translation>{0} (retirado)</translation>
        </message>
        <message>
            <source>Add a checklist item</source>
            <translation>Agregar un elemento a la lista</translation>
        </message>
        <message>
            <source>New item under {0}</source>
            <translation>Nuevo elemento en {0}</translation>
        </message>
        <message>
            <source>Add item</source>
            <translation>Agregar elemento</translation>
        </message>
        <message>
            <source>Rename a checklist item</source>
            <translation>Cambiar el nombre de un elemento</translation>
        </message>
        <message>
            <source>New wording</source>
            <translation>Nueva redacción</translation>
        </message>
        <message>
            <source>Rename item</source>
            <translation>Cambiar nombre</translation>
        </message>
        <message>
            <source>Added. It is suggested from now on.</source>
            <translation>Agregado. Se sugiere a partir de ahora.</translation>
        </message>
        <message>
            <source>Renamed. Clients who already have it keep the old wording.</source>
            <translation>Nombre cambiado. Las personas atendidas que ya lo tienen conservan la redacción anterior.</translation>
        </message>
        <message>
            <source>Retired. It is no longer suggested; clients who have it keep it.</source>
            <translation>Retirado. Ya no se sugiere; las personas atendidas que lo tienen lo conservan.</translation>
        </message>
        <message>
            <source>Brought back. It is suggested again.</source>
            <translation>Reactivado. Se vuelve a sugerir.</translation>
        </message>
        <message>
            <source>Smallest count shown in the summary</source>
            <translation>Cifra mínima que se muestra en el resumen</translation>
        </message>
        <message>
            <source>Smallest count &amp;shown (k)</source>
            <translation>Cifra mínima &amp;mostrada (k)</translation>
        </message>
        <message>
            <source>Counts from 1 to k − 1 are hidden in every summary. 11 is the common standard; 5 to 20 are allowed. Keep one value: summaries of the same months made with different thresholds can be combined to uncover hidden counts, so choose it once and change it only for a strong reason.</source>
            <translation>Las cifras de 1 a k − 1 se ocultan en todos los resúmenes. 11 es el estándar habitual; se permite de 5 a 20. Mantenga un solo valor: los resúmenes de los mismos meses hechos con umbrales distintos se pueden combinar para descubrir cifras ocultas, así que elíjalo una vez y cámbielo solo por una razón de peso.</translation>
        </message>
        <message>
            <source>First month of the fiscal year</source>
            <translation>Primer mes del año fiscal</translation>
        </message>
        <message>
            <source>Fiscal quarters and years in the summary are counted from this month; a change is recorded in the audit log.</source>
            <translation>Los trimestres y años fiscales del resumen se cuentan desde este mes; un cambio queda anotado en el historial de actividad.</translation>
        </message>
        <message>
            <source>January</source>
            <translation>enero</translation>
        </message>
        <message>
            <source>February</source>
            <translation>febrero</translation>
        </message>
        <message>
            <source>March</source>
            <translation>marzo</translation>
        </message>
        <message>
            <source>April</source>
            <translation>abril</translation>
        </message>
        <message>
            <source>May</source>
            <translation>mayo</translation>
        </message>
        <message>
            <source>June</source>
            <translation>junio</translation>
        </message>
        <message>
            <source>July</source>
            <translation>julio</translation>
        </message>
        <message>
            <source>August</source>
            <translation>agosto</translation>
        </message>
        <message>
            <source>September</source>
            <translation>septiembre</translation>
        </message>
        <message>
            <source>October</source>
            <translation>octubre</translation>
        </message>
        <message>
            <source>November</source>
            <translation>noviembre</translation>
        </message>
        <message>
            <source>December</source>
            <translation>diciembre</translation>
        </message>
        <message>
            <source>&amp;Fiscal year starts in</source>
            <translation>El año fiscal &amp;empieza en</translation>
        </message>
        <message>
            <source>Save summary settings…</source>
            <translation>Guardar los ajustes del resumen…</translation>
        </message>
        <message>
            <source>Asks first, then keeps the privacy threshold and fiscal year for every summary of the office; the change is recorded in the audit log.</source>
            <translation>Pregunta primero y luego guarda el umbral de privacidad y el año fiscal para todos los resúmenes de la oficina; el cambio queda anotado en el historial de actividad.</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>No se cambió nada.</translation>
        </message>
        <message>
            <source>Change the summary settings</source>
            <translation>Cambiar los ajustes del resumen</translation>
        </message>
        <message>
            <source>Summaries already given out hid groups smaller than {0}. Someone who holds a summary made with a threshold of {0} and one made with {1} may be able to work out counts that each of them hides. The app checks new summaries against those exported before, and may hide more to prevent it. The change is recorded in the audit log.</source>
            <translation>Los resúmenes ya entregados ocultaban los grupos de menos de {0}. Alguien que tenga un resumen hecho con un umbral de {0} y otro hecho con {1} podría deducir cifras que cada uno oculta. La aplicación compara los resúmenes nuevos con los exportados antes, y puede ocultar más para evitarlo. El cambio queda anotado en el historial de actividad.</translation>
        </message>
        <message>
            <source>Change the fiscal year's first month? Fiscal quarters and years will be counted from the new month. The change is recorded in the audit log.</source>
            <translation>¿Cambiar el primer mes del año fiscal? Los trimestres y años fiscales se contarán a partir del nuevo mes. El cambio queda anotado en el historial de actividad.</translation>
        </message>
        <message>
            <source>Change settings</source>
            <translation>Cambiar los ajustes</translation>
        </message>
        <message>
            <source>Saved: groups smaller than {0} are hidden.</source>
            <translation>Guardado: se ocultan los grupos de menos de {0}.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>My passphrase</source>
            <translation>Mi frase de contraseña</translation>
        </message>
        <message>
            <source>Change your own passphrase at any time. Tell nobody; no one, including a supervisor, can look it up.</source>
            <translation>Cambie su propia frase de contraseña cuando quiera. No se la diga a nadie; nadie, ni siquiera su supervisor/a, puede consultarla.</translation>
        </message>
        <message>
            <source>Change my passphrase…</source>
            <translation>Cambiar mi frase de contraseña…</translation>
        </message>
        <message>
            <source>Asks for your current passphrase and a new one. If someone else may know the current one, the vault gets a new key.</source>
            <translation>Pide su frase de contraseña actual y una nueva. Si otra persona podría conocer la actual, la bóveda recibe una clave nueva.</translation>
        </message>
        <message>
            <source>Locking</source>
            <translation>Bloqueo</translation>
        </message>
        <message>
            <source>Lock after this many idle minutes</source>
            <translation>Bloquear después de estos minutos de inactividad</translation>
        </message>
        <message>
            <source>Lock after &amp;idle</source>
            <translation>Bloquear tras &amp;inactividad</translation>
        </message>
        <message>
            <source>The app also locks at once with Ctrl+L. Text being typed is kept as an encrypted draft.</source>
            <translation>La aplicación también se bloquea de inmediato con Ctrl+L. El texto que se esté escribiendo se conserva como borrador cifrado.</translation>
        </message>
        <message>
            <source>Today view</source>
            <translation>Página Hoy</translation>
        </message>
        <message>
            <source> days</source>
            <translation> días</translation>
        </message>
        <message>
            <source>List clients with no contact for this many days</source>
            <translation>Mostrar a las personas sin contacto durante esta cantidad de días</translation>
        </message>
        <message>
            <source>&amp;No contact for</source>
            <translation>Sin &amp;contacto durante</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Colores</translation>
        </message>
        <message>
            <source>As the system is set (light or dark)</source>
            <translation>Como esté configurado el sistema (claro u oscuro)</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Claro</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Oscuro</translation>
        </message>
        <message>
            <source>High contrast (white on black)</source>
            <translation>Alto contraste (blanco sobre negro)</translation>
        </message>
        <message>
            <source>Colours of the app</source>
            <translation>Colores de la aplicación</translation>
        </message>
        <message>
            <source>Light, dark, high contrast, or as the system is set; the change applies at once and is kept on this computer.</source>
            <translation>Claro, oscuro, alto contraste o como esté el sistema; el cambio se aplica de inmediato y se guarda en esta computadora.</translation>
        </message>
        <message>
            <source>Co&amp;lours</source>
            <translation>Co&amp;lores</translation>
        </message>
        <message>
            <source>Users of this office</source>
            <translation>Usuarios de esta oficina</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message>
            <source>Add a user…</source>
            <translation>Agregar un usuario…</translation>
        </message>
        <message>
            <source>Reset passphrase…</source>
            <translation>Restablecer la frase de contraseña…</translation>
        </message>
        <message>
            <source>Remove selected user…</source>
            <translation>Quitar al usuario seleccionado…</translation>
        </message>
        <message>
            <source>Users status</source>
            <translation>Estado de los usuarios</translation>
        </message>
        <message>
            <source>Needs checklist</source>
            <translation>Lista de necesidades</translation>
        </message>
        <message>
            <source>The suggested items advocates add to a client's needs. Retiring an item never changes any client's list.</source>
            <translation>Los elementos que se sugieren al agregar necesidades a una persona. Retirar un elemento nunca cambia la lista de nadie.</translation>
        </message>
        <message>
            <source>Edit needs checklist…</source>
            <translation>Editar la lista de necesidades…</translation>
        </message>
        <message>
            <source> (has a temporary passphrase)</source>
            <translation> (tiene una frase de contraseña temporal)</translation>
        </message>
        <message>
            <source>Adding {0}…</source>
            <translation>Agregando a {0}…</translation>
        </message>
        <message>
            <source>{0} was added.</source>
            <translation>Se agregó a {0}.</translation>
        </message>
        <message>
            <source>Temporary passphrase</source>
            <translation>Frase de contraseña temporal</translation>
        </message>
        <message>
            <source>One row per person who can unlock the vault: name, role, and whether the passphrase is temporary. Select a row, then reset the passphrase or remove the user with the buttons below.</source>
            <translation>Una fila por persona que puede desbloquear la bóveda: nombre, función y si su frase de contraseña es temporal. Seleccione una fila y luego restablezca la frase o quite al usuario con los botones de abajo.</translation>
        </message>
        <message>
            <source>Adds a person and shows a temporary passphrase once, to tell them in person.</source>
            <translation>Agrega a una persona y muestra una sola vez una frase de contraseña temporal, para decírsela en persona.</translation>
        </message>
        <message>
            <source>Gives the selected person a new temporary passphrase; their current one stops working at once and the vault gets a new key.</source>
            <translation>Da a la persona seleccionada una frase de contraseña temporal nueva; la actual deja de funcionar de inmediato y la bóveda recibe una clave nueva.</translation>
        </message>
        <message>
            <source>The selected person can no longer unlock the vault, which gets a new key. The records they wrote stay. Asks first.</source>
            <translation>La persona seleccionada ya no podrá desbloquear la bóveda, que recibe una clave nueva. Los registros que escribió se quedan. Pregunta primero.</translation>
        </message>
        <message>
            <source>Tell {0} this temporary passphrase in person. They will choose their own the first time they unlock.</source>
            <translation>Dígale a {0} en persona esta frase de contraseña temporal. La primera vez que desbloquee, elegirá la suya.</translation>
        </message>
        <message>
            <source>Select a user in the list first.</source>
            <translation>Primero seleccione un usuario de la lista.</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>Quitar al usuario</translation>
        </message>
        <message>
            <source>Remove {0}? They will no longer be able to unlock the vault. The records they wrote stay.</source>
            <translation>¿Quitar a {0}? Ya no podrá desbloquear la bóveda. Lo que escribió en los registros se conserva.</translation>
        </message>
        <message>
            <source>Removing {0} and giving the vault a new key…</source>
            <translation>Quitando a {0} y dando una clave nueva a la bóveda…</translation>
        </message>
        <message>
            <source>{0} was removed. {1}</source>
            <translation>Se quitó a {0}. {1}</translation>
        </message>
        <message>
            <source>Reset passphrase</source>
            <translation>Restablecer la frase de contraseña</translation>
        </message>
        <message>
            <source>Give {0} a new temporary passphrase? Their current one stops working at once.</source>
            <translation>¿Dar a {0} una frase de contraseña temporal nueva? La actual deja de funcionar de inmediato.</translation>
        </message>
        <message>
            <source>Resetting the passphrase and giving the vault a new key…</source>
            <translation>Restableciendo la frase de contraseña y dando una clave nueva a la bóveda…</translation>
        </message>
        <message>
            <source>{0} has a new temporary passphrase. {1}</source>
            <translation>{0} tiene una frase de contraseña temporal nueva. {1}</translation>
        </message>
        <message>
            <source>Tell {0} this temporary passphrase in person. They will choose their own the next time they unlock.</source>
            <translation>Dígale a {0} en persona esta frase de contraseña temporal. La próxima vez que desbloquee, elegirá la suya.</translation>
        </message>
        <message>
            <source>Changing your passphrase…</source>
            <translation>Cambiando su frase de contraseña…</translation>
        </message>
        <message>
            <source>Your passphrase was changed.</source>
            <translation>Se cambió su frase de contraseña.</translation>
        </message>
        <message>
            <source>Your passphrase was changed and the vault has a new key. {0}</source>
            <translation>Se cambió su frase de contraseña y la bóveda tiene una clave nueva. {0}</translation>
        </message>
        <message>
            <source>Older backups in the vault's folder: {0} re-encrypted, {1} deleted.</source>
            <translation>Copias anteriores en la carpeta de la bóveda: {0} vueltas a cifrar, {1} borradas.</translation>
        </message>
        <message>
            <source>There were no older backups in the vault's folder.</source>
            <translation>No había copias anteriores en la carpeta de la bóveda.</translation>
        </message>
        <message>
            <source>{0} had not unlocked since this version was installed, so their sign-in could not take the new key. Tell them this temporary passphrase in person.</source>
            <translation>{0} no había desbloqueado desde que se instaló esta versión, así que sus datos de acceso no pudieron recibir la clave nueva. Dígale en persona esta frase de contraseña temporal.</translation>
        </message>
        <message>
            <source>New recovery key</source>
            <translation>Clave de recuperación nueva</translation>
        </message>
        <message>
            <source>The office's recovery key was made by an earlier version and could not take the new key. This is the new recovery key: write it down or print it and lock it away. The old one no longer opens this vault.</source>
            <translation>La clave de recuperación de la oficina se creó con una versión anterior y no pudo recibir la clave nueva. Esta es la nueva clave de recuperación: anótela o imprímala y guárdela bajo llave. La anterior ya no abre esta bóveda.</translation>
        </message>
        <message>
            <source>Add a user</source>
            <translation>Agregar un usuario</translation>
        </message>
        <message>
            <source>The app makes a temporary passphrase of five random words. You will see it once: tell it to the new user in person. They choose their own the first time they unlock.</source>
            <translation>La aplicación crea una frase de contraseña temporal de cinco palabras al azar. Usted la verá una sola vez: dígasela en persona a quien va a usar la cuenta. La primera vez que desbloquee, elegirá la suya.</translation>
        </message>
        <message>
            <source>Up to 80 characters. The sign-in screen lists it, in plain text, for anyone who opens this computer.</source>
            <translation>Hasta 80 caracteres. La pantalla de desbloqueo lo muestra, como texto simple, a cualquiera que abra esta computadora.</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>A supervisor can also manage users, backups, the checklist and the summary settings; an advocate works with clients.</source>
            <translation>Un/a supervisor/a también administra los usuarios, las copias de seguridad, la lista de necesidades y la configuración del resumen; una intercesora trabaja con las personas atendidas.</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>&amp;Rol</translation>
        </message>
        <message>
            <source>Add user</source>
            <translation>Agregar el usuario</translation>
        </message>
        <message>
            <source>Only a supervisor can manage users.</source>
            <translation>Solo un/a supervisor/a puede administrar usuarios.</translation>
        </message>
        <message>
            <source>Enter the new user's name.</source>
            <translation>Escriba el nombre del usuario nuevo.</translation>
        </message>
        <message>
            <source>Keep the name under 80 characters.</source>
            <translation>Escriba el nombre con menos de 80 caracteres.</translation>
        </message>
        <message>
            <source>Choose advocate or supervisor.</source>
            <translation>Elija intercesor/a o supervisor/a.</translation>
        </message>
        <message>
            <source>There is already a user with that name. Add a last initial.</source>
            <translation>Ya hay un usuario con ese nombre. Agregue la inicial del apellido.</translation>
        </message>
        <message>
            <source>Only a supervisor can delete the office's backups.</source>
            <translation>Solo un/a supervisor/a puede borrar las copias de seguridad de la oficina.</translation>
        </message>
        <message>
            <source>You cannot remove yourself. Ask another supervisor.</source>
            <translation>No puede quitarse a sí mismo/a. Pídaselo a otro/a supervisor/a.</translation>
        </message>
        <message>
            <source>That user was already removed.</source>
            <translation>Ese usuario ya se había quitado.</translation>
        </message>
        <message>
            <source>The office needs at least one supervisor.</source>
            <translation>La oficina necesita al menos un/a supervisor/a.</translation>
        </message>
        <message>
            <source>Change your own passphrase under My passphrase instead.</source>
            <translation>Para cambiar su propia frase de contraseña, use Mi frase de contraseña.</translation>
        </message>
        <message>
            <source>That user was removed.</source>
            <translation>Ese usuario se quitó.</translation>
        </message>
        <message>
            <source>Your current passphrase is not right.</source>
            <translation>Su frase de contraseña actual no es correcta.</translation>
        </message>
        <message>
            <source>It is shown only this once and is not saved anywhere. Close this window when it has been passed on.</source>
            <translation>Se muestra solo esta vez y no se guarda en ningún lugar. Cierre esta ventana cuando ya la haya comunicado.</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Listo</translation>
        </message>
        <message>
            <source>Copies made before today outside this computer (a USB stick, another disk) still open with the old passphrase: keep them locked away, or destroy them.</source>
            <translation>Las copias hechas antes de hoy fuera de esta computadora (en una memoria USB, en otro disco) todavía se abren con la frase de contraseña anterior: guárdelas bajo llave o destrúyalas.</translation>
        </message>
        <message>
            <source>The vault gets a new key, so the old passphrase no longer opens anything in this computer's vault folder. This takes a moment.</source>
            <translation>La bóveda recibe una clave nueva, así que la frase de contraseña anterior ya no abre nada en la carpeta de la bóveda de esta computadora. Esto tarda un momento.</translation>
        </message>
        <message>
            <source>Older backups in the vault's folder</source>
            <translation>Copias de seguridad anteriores en la carpeta de la bóveda</translation>
        </message>
        <message>
            <source>&amp;Re-encrypt them with the new key (keep them)</source>
            <translation>&amp;Volver a cifrarlas con la clave nueva (conservarlas)</translation>
        </message>
        <message>
            <source>&amp;Delete them</source>
            <translation>&amp;Borrarlas</translation>
        </message>
        <message>
            <source>Change my passphrase</source>
            <translation>Cambiar mi frase de contraseña</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>Frase de contraseña actual</translation>
        </message>
        <message>
            <source>The passphrase you unlocked with today.</source>
            <translation>La frase de contraseña con la que desbloqueó hoy.</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Frase de contraseña nueva</translation>
        </message>
        <message>
            <source>At least 10 characters; four or five unrelated words work well. Only you will know it.</source>
            <translation>Al menos 10 caracteres; cuatro o cinco palabras sin relación entre sí funcionan bien. Solo usted la sabrá.</translation>
        </message>
        <message>
            <source>New passphrase again</source>
            <translation>Repita la frase de contraseña nueva</translation>
        </message>
        <message>
            <source>Type the same passphrase again; Enter saves it.</source>
            <translation>Escriba otra vez la misma frase de contraseña; Enter la guarda.</translation>
        </message>
        <message>
            <source>&amp;Current passphrase</source>
            <translation>Frase de contraseña &amp;actual</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>Frase de contraseña &amp;nueva</translation>
        </message>
        <message>
            <source>New passphrase &amp;again</source>
            <translation>&amp;Repita la frase de contraseña nueva</translation>
        </message>
        <message>
            <source>&amp;Someone else may know my current passphrase</source>
            <translation>&amp;Puede que otra persona sepa mi frase de contraseña actual</translation>
        </message>
        <message>
            <source>&amp;Delete the older backups in the vault's folder instead of re-encrypting them</source>
            <translation>&amp;Borrar las copias anteriores de la carpeta de la bóveda en lugar de volver a cifrarlas</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>Cambiar la frase de contraseña</translation>
        </message>
        <message>
            <source>The vault gets a new key, so your old passphrase no longer opens anything in this computer's vault folder; the older backups there are re-encrypted. Copies made before today elsewhere (a USB stick) still open with it.</source>
            <translation>La bóveda recibe una clave nueva, así que su frase de contraseña anterior ya no abre nada en la carpeta de la bóveda de esta computadora; las copias anteriores que hay ahí se vuelven a cifrar. Las copias hechas antes de hoy en otros lugares (una memoria USB) todavía se abren con ella.</translation>
        </message>
        <message>
            <source>Only your own sign-in changes; the records are not re-encrypted, so this is quick.</source>
            <translation>Solo cambian sus propios datos de acceso; los registros no se vuelven a cifrar, así que es rápido.</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>Las dos frases de contraseña nuevas no son iguales.</translation>
        </message>
        <message>
            <source>Search everything (Ctrl+K)</source>
            <translation>Buscar en todo (Ctrl+K)</translation>
        </message>
        <message>
            <source>Searches clients, notes, the office's resources and the reference library; press Enter to see the results. Ctrl+K comes here from anywhere.</source>
            <translation>Busca en clientes, notas, los recursos de la oficina y la biblioteca de referencia; pulse Enter para ver los resultados. Ctrl+K trae aquí desde cualquier lugar.</translation>
        </message>
        <message>
            <source>{0} · {1}</source>
            <translation>{0} · {1}</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Bloquear</translation>
        </message>
        <message>
            <source>Lock now (Ctrl+L). Unsaved text is kept as a draft.</source>
            <translation>Bloquear ahora (Ctrl+L). El texto sin guardar se conserva como borrador.</translation>
        </message>
        <message>
            <source>Locks the app at once (Ctrl+L): every screen is hidden until a passphrase is typed. Unsaved text is kept as an encrypted draft.</source>
            <translation>Bloquea la aplicación de inmediato (Ctrl+L): todas las pantallas se ocultan hasta que se escriba una frase de contraseña. El texto sin guardar se conserva como borrador cifrado.</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Secciones</translation>
        </message>
        <message>
            <source>The parts of the app. Arrow keys move between them and show each one; Ctrl+1 to Ctrl+9 go straight to one, F1 opens Help.</source>
            <translation>Las partes de la aplicación. Las flechas pasan de una a otra y la muestran; Ctrl+1 a Ctrl+9 van directo a una, F1 abre la Ayuda.</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Sección</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>Modo de demostración</translation>
        </message>
        <message>
            <source>Enter or double-click to open this client</source>
            <translation>Enter o doble clic para abrir este registro</translation>
        </message>
        <message>
            <source>{0}+</source>
            <translation>{0}+</translation>
        </message>
        <message>
            <source>Showing the first {0} of more than {1}.</source>
            <translation>Se muestran los primeros {0} de más de {1}.</translation>
        </message>
        <message>
            <source>Showing the first {0} of {1}.</source>
            <translation>Se muestran los primeros {0} de {1}.</translation>
        </message>
        <message>
            <source>1 day</source>
            <translation>1 día</translation>
        </message>
        <message>
            <source>{0} days</source>
            <translation>{0} días</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>Mañana</translation>
        </message>
        <message>
            <source>Yesterday</source>
            <translation>Ayer</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualizar</translation>
        </message>
        <message>
            <source>Look again for due dates, appointments and contacts</source>
            <translation>Volver a buscar fechas límite, citas y contactos</translation>
        </message>
        <message>
            <source>Looking for what needs your attention…</source>
            <translation>Buscando lo que necesita su atención…</translation>
        </message>
        <message>
            <source>The client's alias; Enter opens the client.</source>
            <translation>El alias de la persona; Intro abre su registro.</translation>
        </message>
        <message>
            <source>The need that has a due date.</source>
            <translation>La necesidad que tiene fecha límite.</translation>
        </message>
        <message>
            <source>Where the need stands now.</source>
            <translation>En qué estado está ahora la necesidad.</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Vencidas</translation>
        </message>
        <message>
            <source>Was due</source>
            <translation>Venció</translation>
        </message>
        <message>
            <source>The date the need was due; the longest overdue first.</source>
            <translation>La fecha en que venció la necesidad; las que llevan más tiempo vencidas primero.</translation>
        </message>
        <message>
            <source>Nothing overdue. Due dates you set on a client's needs show up here once they pass.</source>
            <translation>Nada vencido. Las fechas límite que ponga en las necesidades de una persona aparecen aquí cuando pasan.</translation>
        </message>
        <message>
            <source>One row per need whose due date has passed. Enter opens the client's needs.</source>
            <translation>Una fila por necesidad cuya fecha límite ya pasó. Enter abre las necesidades de la persona.</translation>
        </message>
        <message>
            <source>Due in the next 7 days</source>
            <translation>Vencen en los próximos 7 días</translation>
        </message>
        <message>
            <source>The date the need is due; the soonest first.</source>
            <translation>La fecha límite de la necesidad; las más próximas primero.</translation>
        </message>
        <message>
            <source>One row per need due in the next 7 days. Enter opens the client's needs.</source>
            <translation>Una fila por necesidad que vence en los próximos 7 días. Enter abre las necesidades de la persona.</translation>
        </message>
        <message>
            <source>Date and time it starts; the soonest first.</source>
            <translation>Fecha y hora en que empieza; las más próximas primero.</translation>
        </message>
        <message>
            <source>One row per court date or appointment in the next 14 days, soonest first. Enter opens the client's appointments.</source>
            <translation>Una fila por fecha de corte o cita en los próximos 14 días, la más cercana primero. Enter abre las citas de la persona.</translation>
        </message>
        <message numerus="yes">
            <source>No contact in %n day(s)</source>
            <translation>
                <numerusform>Sin contacto desde hace %n día</numerusform>
                <numerusform>Sin contacto desde hace %n días</numerusform>
            </translation>
        </message>
        <message>
            <source>Date of the last contact note; the longest ago first.</source>
            <translation>Fecha de la última nota de contacto; las más antiguas primero.</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Fecha límite</translation>
        </message>
        <message>
            <source>Nothing due this week. Give a need a due date on the client's Needs tab to see it here.</source>
            <translation>Nada vence esta semana. Ponga una fecha límite a una necesidad en la pestaña Necesidades de la persona para verla aquí.</translation>
        </message>
        <message>
            <source>Court dates and appointments, next 14 days</source>
            <translation>Fechas de corte y citas, próximos 14 días</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>Advocate goes</source>
            <translation>Con intercesor/a</translation>
        </message>
        <message>
            <source>No court dates or appointments in the next 14 days. Add them on a client's Appointments tab.</source>
            <translation>No hay fechas de corte ni citas en los próximos 14 días. Agréguelas en la pestaña Citas de la persona.</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Último contacto</translation>
        </message>
        <message>
            <source>Everyone assigned to you has been in contact recently. A contact note counts as contact.</source>
            <translation>Todas las personas asignadas a usted han tenido contacto recientemente. Una nota de contacto cuenta como contacto.</translation>
        </message>
        <message>
            <source>One row per client of yours with no contact note for that long, with the day of the last contact. Enter opens the client's notes.</source>
            <translation>Una fila por cada persona suya sin nota de contacto en ese tiempo, con el día del último contacto. Enter abre las notas de la persona.</translation>
        </message>
        <message>
            <source>Nothing needs your attention today.</source>
            <translation>Nada requiere su atención hoy.</translation>
        </message>
        <message>
            <source>Enter or a double-click on a line opens that client at the right place.</source>
            <translation>Enter o un doble clic en una línea abre ese registro en el lugar indicado.</translation>
        </message>
        <message>
            <source>{0} ({1} ago)</source>
            <translation>{0} (hace {1})</translation>
        </message>
        <message>
            <source>{0}, {1}</source>
            <translation>{0}, {1}</translation>
        </message>
        <message>
            <source>None recorded yet</source>
            <translation>Aún no se ha registrado ninguno</translation>
        </message>
        <message>
            <source>The vault cannot be opened as it is</source>
            <translation>La bóveda no se puede abrir tal como está</translation>
        </message>
        <message>
            <source>What is wrong</source>
            <translation>Qué pasa</translation>
        </message>
        <message>
            <source>Your files are untouched</source>
            <translation>Sus archivos están intactos</translation>
        </message>
        <message>
            <source>Nothing was deleted or overwritten: the vault's files were left exactly as they were found, in this folder:</source>
            <translation>No se borró ni se sobrescribió nada: los archivos de la bóveda se dejaron exactamente como se encontraron, en esta carpeta:</translation>
        </message>
        <message>
            <source>Vault folder</source>
            <translation>Carpeta de la bóveda</translation>
        </message>
        <message>
            <source>What you can do</source>
            <translation>Qué puede hacer</translation>
        </message>
        <message>
            <source>Newest backup</source>
            <translation>Copia más reciente</translation>
        </message>
        <message>
            <source>Choose a backup file…</source>
            <translation>Elegir un archivo de copia de seguridad…</translation>
        </message>
        <message>
            <source>Choose a backup file, for example on a USB stick, to restore from; you are asked to confirm first.</source>
            <translation>Elija un archivo de copia, por ejemplo en una memoria USB, para restaurar desde él; primero se le pide confirmar.</translation>
        </message>
        <message>
            <source>Restore the newest backup…</source>
            <translation>Restaurar la copia más reciente…</translation>
        </message>
        <message>
            <source>Replaces the vault with its newest backup, after you confirm; the damaged files are kept aside, not deleted. Work done after that backup is not in it.</source>
            <translation>Reemplaza la bóveda por su copia más reciente, después de que usted confirme; los archivos dañados se guardan aparte, no se borran. Lo hecho después de esa copia no está en ella.</translation>
        </message>
        <message>
            <source>The newest backup that checks out was made on {0} ({1}). Restoring it keeps the current files aside in a folder named before-restore-…, so nothing is lost. You will need a passphrase as it was that day, or the office's recovery key.</source>
            <translation>La copia de seguridad más reciente que pasa la revisión se hizo el {0} ({1}). Al restaurarla, los archivos actuales se guardan aparte en una carpeta llamada before-restore-…, así que no se pierde nada. Necesitará una frase de contraseña tal como era ese día, o la clave de recuperación de la oficina.</translation>
        </message>
        <message>
            <source>No usable backup was found in the vault's backups folder. If there is one on a USB stick, choose it with “Choose a backup file…”. Otherwise ask your supervisor or IT support for help before changing any of these files.</source>
            <translation>No se encontró ninguna copia de seguridad utilizable en la carpeta de copias de la bóveda. Si hay una en una memoria USB, elíjala con “Elegir un archivo de copia de seguridad…”. Si no, pida ayuda a su supervisor/a o al soporte técnico antes de cambiar cualquiera de estos archivos.</translation>
        </message>
        <message>
            <source>Welcome to Advocate Companion</source>
            <translation>Le damos la bienvenida a Advocate Companion</translation>
        </message>
        <message>
            <source>Confidential notes, needs checklists and a reference library that stay on this computer, encrypted, and never use the internet.</source>
            <translation>Notas confidenciales, listas de necesidades y una biblioteca de referencia que se quedan en esta computadora, cifradas, y nunca usan internet.</translation>
        </message>
        <message>
            <source>Set up this office</source>
            <translation>Configurar esta oficina</translation>
        </message>
        <message>
            <source>Creates this office's encrypted vault: you choose a passphrase and receive a recovery key to keep somewhere safe.</source>
            <translation>Crea la bóveda cifrada de esta oficina: usted elige una frase de contraseña y recibe una clave de recuperación para guardar en un lugar seguro.</translation>
        </message>
        <message>
            <source>Setting up creates an encrypted vault for your office's records. You will choose a passphrase and receive a recovery key to keep somewhere safe.</source>
            <translation>Al configurar la oficina se crea una bóveda cifrada, donde se guardan los registros de su oficina. Elegirá una frase de contraseña y recibirá una clave de recuperación para guardar en un lugar seguro.</translation>
        </message>
        <message>
            <source>Try the demo</source>
            <translation>Probar la demostración</translation>
        </message>
        <message>
            <source>Opens fictional training cases in a separate vault; real records are never touched.</source>
            <translation>Abre casos ficticios de capacitación en una bóveda aparte; los registros reales nunca se tocan.</translation>
        </message>
        <message>
            <source>The demo opens fictional training cases in a separate vault; it never touches real records.</source>
            <translation>La demostración abre casos ficticios de capacitación en una bóveda aparte; nunca toca los registros reales.</translation>
        </message>
        <message>
            <source>You will be the first user and a supervisor: you can add the other advocates afterwards.</source>
            <translation>Su cuenta será la primera y tendrá el rol de supervisor/a: después podrá agregar al resto del equipo de intercesoría.</translation>
        </message>
        <message>
            <source>Office name</source>
            <translation>Nombre de la oficina</translation>
        </message>
        <message>
            <source>Up to 120 characters. Shown at the top of every screen, and on the sign-in screen unless you turn that off below.</source>
            <translation>Hasta 120 caracteres. Se muestra arriba en todas las pantallas, y en la pantalla de desbloqueo salvo que usted lo desactive abajo.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Su nombre</translation>
        </message>
        <message>
            <source>At least 10 characters; four or five unrelated words work well. Nobody can look it up later, so keep it somewhere safe.</source>
            <translation>Al menos 10 caracteres; cuatro o cinco palabras sin relación entre sí funcionan bien. Nadie puede consultarla después, así que guárdela en un lugar seguro.</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Repita la frase de contraseña</translation>
        </message>
        <message>
            <source>Type the same passphrase again, to be sure of it. Enter creates the vault.</source>
            <translation>Escriba otra vez la misma frase de contraseña, para estar seguro. Enter crea la bóveda.</translation>
        </message>
        <message>
            <source>&amp;Office name</source>
            <translation>Nombre de la &amp;oficina</translation>
        </message>
        <message>
            <source>&amp;Your name</source>
            <translation>Su &amp;nombre</translation>
        </message>
        <message>
            <source>Passphrase &amp;again</source>
            <translation>&amp;Repita la frase de contraseña</translation>
        </message>
        <message>
            <source>Use at least 10 characters; four or five unrelated words are easy to remember and hard to guess. There is no way to see it again, so keep it somewhere safe.</source>
            <translation>Use al menos 10 caracteres; cuatro o cinco palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar. No hay forma de volver a verla, así que guárdela en un lugar seguro.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Create the vault</source>
            <translation>Crear la bóveda</translation>
        </message>
        <message>
            <source>Creates the encrypted vault, then shows its recovery key once.</source>
            <translation>Crea la bóveda cifrada y luego muestra una sola vez su clave de recuperación.</translation>
        </message>
        <message>
            <source>Enter the office's name.</source>
            <translation>Escriba el nombre de la oficina.</translation>
        </message>
        <message>
            <source>Enter your name.</source>
            <translation>Escriba su nombre.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same. Type them again.</source>
            <translation>Las dos frases de contraseña no son iguales. Escríbalas de nuevo.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>Creando la bóveda…</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <source>The office's records are locked.</source>
            <translation>Los registros de la oficina están bloqueados.</translation>
        </message>
        <message>
            <source>Choose your name; each person has their own passphrase.</source>
            <translation>Elija su nombre; cada persona tiene su propia frase de contraseña.</translation>
        </message>
        <message>
            <source>Your own passphrase; Enter unlocks. After several wrong tries the app makes you wait before the next one.</source>
            <translation>Su propia frase de contraseña; Enter desbloquea. Después de varios intentos equivocados, la aplicación le hace esperar antes del siguiente.</translation>
        </message>
        <message>
            <source>Who is unlocking</source>
            <translation>Quién desbloquea</translation>
        </message>
        <message>
            <source>Choose your name: after unlocking you choose a new passphrase for it.</source>
            <translation>Elija su nombre: después de desbloquear, elegirá una frase de contraseña nueva.</translation>
        </message>
        <message>
            <source>The office's printed recovery key: nine groups of four letters and digits, with or without the dashes. Enter unlocks.</source>
            <translation>La clave de recuperación impresa de la oficina: nueve grupos de cuatro letras y números, con o sin guiones. Enter desbloquea.</translation>
        </message>
        <message>
            <source>&amp;Who is unlocking</source>
            <translation>&amp;Quién desbloquea</translation>
        </message>
        <message>
            <source>After unlocking you will choose a new passphrase.</source>
            <translation>Después de desbloquear, elegirá una frase de contraseña nueva.</translation>
        </message>
        <message>
            <source>Unlock message</source>
            <translation>Mensaje de desbloqueo</translation>
        </message>
        <message>
            <source>Use recovery key</source>
            <translation>Usar la clave de recuperación</translation>
        </message>
        <message>
            <source>Switches between unlocking with your passphrase and with the recovery key.</source>
            <translation>Cambia entre desbloquear con su frase de contraseña y con la clave de recuperación.</translation>
        </message>
        <message>
            <source>Opens the office's records with what you typed above.</source>
            <translation>Abre los registros de la oficina con lo que usted escribió arriba.</translation>
        </message>
        <message>
            <source>Use passphrase</source>
            <translation>Usar la frase de contraseña</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Escriba su frase de contraseña.</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Desbloqueando…</translation>
        </message>
        <message>
            <source>Wait {0} s</source>
            <translation>Espere {0} s</translation>
        </message>
        <message>
            <source>Choose a new passphrase</source>
            <translation>Elija una frase de contraseña nueva</translation>
        </message>
        <message>
            <source>Save the new passphrase</source>
            <translation>Guardar la frase de contraseña nueva</translation>
        </message>
        <message>
            <source>The vault cannot be opened</source>
            <translation>No se puede abrir la bóveda</translation>
        </message>
        <message>
            <source>Your recovery key</source>
            <translation>Su clave de recuperación</translation>
        </message>
        <message>
            <source>If every passphrase is forgotten, this key is the only way into the office's records. It is shown only now.</source>
            <translation>Si se olvidan todas las frases de contraseña, esta clave es la única forma de entrar a los registros de la oficina. Solo se muestra ahora.</translation>
        </message>
        <message>
            <source>Write it on paper or print it, and keep it locked away from this computer (for example in the director's safe). Anyone with this key can open the vault.</source>
            <translation>Anótela en papel o imprímala, y guárdela bajo llave lejos de esta computadora (por ejemplo, en la caja fuerte de la dirección). Cualquier persona que tenga esta clave puede abrir la bóveda.</translation>
        </message>
        <message>
            <source>Prints the recovery key on paper, to lock away from this computer.</source>
            <translation>Imprime la clave de recuperación en papel, para guardarla bajo llave lejos de esta computadora.</translation>
        </message>
        <message>
            <source>Save to a removable drive…</source>
            <translation>Guardar en una unidad extraíble…</translation>
        </message>
        <message>
            <source>Save the recovery key to a removable drive</source>
            <translation>Guardar la clave de recuperación en una unidad extraíble</translation>
        </message>
        <message>
            <source>A saved copy opens the vault for anyone who has the drive: save it only to a USB drive or SD card that will be kept locked away.</source>
            <translation>Una copia guardada abre la bóveda a cualquiera que tenga la unidad: guárdela solo en una memoria USB o tarjeta SD que se vaya a guardar bajo llave.</translation>
        </message>
        <message>
            <source>A saved copy opens the vault for anyone who has the drive. Save it only to a USB drive or SD card that will be kept locked away; it cannot be saved on this computer.</source>
            <translation>Una copia guardada abre la bóveda para cualquier persona que tenga la unidad. Guárdela solo en una unidad USB o una tarjeta SD que se vaya a guardar bajo llave; no se puede guardar en esta computadora.</translation>
        </message>
        <message>
            <source>Group {0} of the recovery key</source>
            <translation>Grupo {0} de la clave de recuperación</translation>
        </message>
        <message>
            <source>Type the four letters and digits of group {0}, counting from the left, to show that the key was kept.</source>
            <translation>Escriba las cuatro letras y números del grupo {0}, contando desde la izquierda, para mostrar que guardó la clave.</translation>
        </message>
        <message>
            <source>Group &amp;{0}</source>
            <translation>Grupo &amp;{0}</translation>
        </message>
        <message>
            <source>I have kept it safe — continue</source>
            <translation>Ya la guardé en un lugar seguro: continuar</translation>
        </message>
        <message>
            <source>Enabled once both groups match. The key is never shown again after this screen.</source>
            <translation>Se activa cuando los dos grupos coinciden. La clave no se vuelve a mostrar después de esta pantalla.</translation>
        </message>
        <message>
            <source>To check your copy, type group {0} and group {1} (counting from the left, first line then second).</source>
            <translation>Para revisar su copia, escriba el grupo {0} y el grupo {1} (contando desde la izquierda, primero la primera línea y luego la segunda).</translation>
        </message>
        <message>
            <source>Both groups match. Press Enter to continue.</source>
            <translation>Los dos grupos coinciden. Pulse Enter para continuar.</translation>
        </message>
        <message>
            <source>Group {0} does not match the key above. Check your copy.</source>
            <translation>El grupo {0} no coincide con la clave de arriba. Revise su copia.</translation>
        </message>
        <message>
            <source>Advocate Companion — recovery key</source>
            <translation>Advocate Companion: clave de recuperación</translation>
        </message>
        <message>
            <source>Office: {0}</source>
            <translation>Oficina: {0}</translation>
        </message>
        <message>
            <source>This key opens the office's encrypted records if every passphrase is forgotten. Keep it locked away from the computer. Anyone who has it can open the vault.</source>
            <translation>Esta clave abre los expedientes cifrados de la oficina si se olvidan todas las frases de contraseña. Guárdela bajo llave, lejos de la computadora. Cualquier persona que la tenga puede abrir la bóveda cifrada.</translation>
        </message>
        <message>
            <source>Sent to the printer. Keep the paper locked away from this computer.</source>
            <translation>Enviado a la impresora. Guarde el papel bajo llave, lejos de esta computadora.</translation>
        </message>
        <message>
            <source>No removable drive was found. Plug in a USB drive or an SD card and try again, or print the key.</source>
            <translation>No se encontró ninguna unidad extraíble. Conecte una unidad USB o una tarjeta SD y vuelva a intentarlo, o imprima la clave.</translation>
        </message>
        <message>
            <source>That is the vault's own folder. Choose a removable drive: the key must never be kept next to the vault. Nothing was saved.</source>
            <translation>Esa es la carpeta de la propia bóveda. Elija una unidad extraíble: la clave nunca debe guardarse junto a la bóveda. No se guardó nada.</translation>
        </message>
        <message>
            <source>That is in your home folder on this computer. Choose a removable drive. Nothing was saved.</source>
            <translation>Eso está en su carpeta personal de esta computadora. Elija una unidad extraíble. No se guardó nada.</translation>
        </message>
        <message>
            <source>That is not a removable drive. Choose a USB drive or an SD card, or print the key. Nothing was saved.</source>
            <translation>Eso no es una unidad extraíble. Elija una unidad USB o una tarjeta SD, o imprima la clave. No se guardó nada.</translation>
        </message>
        <message>
            <source>The file could not be written to that drive. Check that it is not full or write-protected, or print the key.</source>
            <translation>No se pudo escribir el archivo en esa unidad. Revise que no esté llena ni protegida contra escritura, o imprima la clave.</translation>
        </message>
        <message>
            <source>Saved to the removable drive. Keep the drive locked away: anyone with this file can open the vault.</source>
            <translation>Guardado en la unidad extraíble. Guarde la unidad bajo llave: cualquier persona que tenga este archivo puede abrir la bóveda.</translation>
        </message>
        <message>
            <source>Switches the whole app between English and Spanish at once; typed text stays.</source>
            <translation>Cambia toda la aplicación entre inglés y español de inmediato; el texto escrito se conserva.</translation>
        </message>
        <message>
            <source>Very weak</source>
            <translation>Muy débil</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>Débil</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>Aceptable</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>Fuerte</translation>
        </message>
        <message>
            <source>Very strong</source>
            <translation>Muy fuerte</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Solidez de la frase de contraseña</translation>
        </message>
        <message>
            <source>Strength: type a passphrase</source>
            <translation>Solidez: escriba una frase de contraseña</translation>
        </message>
        <message>
            <source>Strength: {0}</source>
            <translation>Solidez: {0}</translation>
        </message>
        <message>
            <source>Hotline</source>
            <translation>Línea de ayuda</translation>
        </message>
        <message>
            <source>Housing and shelter</source>
            <translation>Vivienda y refugio</translation>
        </message>
        <message>
            <source>Legal and immigration</source>
            <translation>Asuntos legales y de inmigración</translation>
        </message>
        <message>
            <source>Health and recovery</source>
            <translation>Salud y recuperación</translation>
        </message>
        <message>
            <source>Government office</source>
            <translation>Oficina de gobierno</translation>
        </message>
        <message>
            <source>Coalition or network</source>
            <translation>Coalición o red</translation>
        </message>
        <message>
            <source>Transportation</source>
            <translation>Transporte</translation>
        </message>
        <message>
            <source>Employment and education</source>
            <translation>Empleo y educación</translation>
        </message>
        <message>
            <source>Childcare and family</source>
            <translation>Cuidado infantil y familia</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Otra</translation>
        </message>
        <message>
            <source>Information and referral</source>
            <translation>Información y remisiones</translation>
        </message>
        <message>
            <source>Emotional support</source>
            <translation>Apoyo emocional</translation>
        </message>
        <message>
            <source>Safety planning</source>
            <translation>Plan de seguridad</translation>
        </message>
        <message>
            <source>Choose what kind of contact this was.</source>
            <translation>Elija qué tipo de contacto fue.</translation>
        </message>
        <message>
            <source>The contact date cannot be in the future.</source>
            <translation>La fecha del contacto no puede estar en el futuro.</translation>
        </message>
        <message>
            <source>Minutes must be between 0 and 1440.</source>
            <translation>Los minutos deben estar entre 0 y 1440.</translation>
        </message>
        <message>
            <source>Choose topics from the list.</source>
            <translation>Elija los temas de la lista.</translation>
        </message>
        <message>
            <source>0–12</source>
            <translation>0–12</translation>
        </message>
        <message>
            <source>13–17</source>
            <translation>13–17</translation>
        </message>
        <message>
            <source>18–24</source>
            <translation>18–24</translation>
        </message>
        <message>
            <source>25–59</source>
            <translation>25–59</translation>
        </message>
        <message>
            <source>60 and older</source>
            <translation>60 años o más</translation>
        </message>
        <message>
            <source>Not reported</source>
            <translation>Sin dato</translation>
        </message>
        <message>
            <source>Sex trafficking</source>
            <translation>Trata sexual</translation>
        </message>
        <message>
            <source>Labor trafficking</source>
            <translation>Trata laboral</translation>
        </message>
        <message>
            <source>Sex and labor trafficking</source>
            <translation>Trata sexual y laboral</translation>
        </message>
        <message>
            <source>Not identified</source>
            <translation>Sin identificar</translation>
        </message>
        <message>
            <source>Housing</source>
            <translation>Vivienda</translation>
        </message>
        <message>
            <source>Driver's license and ID</source>
            <translation>Licencia de conducir e identificación</translation>
        </message>
        <message>
            <source>Childcare</source>
            <translation>Cuidado infantil</translation>
        </message>
        <message>
            <source>Court advocacy</source>
            <translation>Acompañamiento en la corte</translation>
        </message>
        <message>
            <source>Employment</source>
            <translation>Empleo</translation>
        </message>
        <message>
            <source>Recovery services</source>
            <translation>Servicios de recuperación</translation>
        </message>
        <message>
            <source>Peer support</source>
            <translation>Apoyo entre pares</translation>
        </message>
        <message>
            <source>Health care</source>
            <translation>Atención médica</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Educación</translation>
        </message>
        <message>
            <source>Financial</source>
            <translation>Finanzas</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Sin empezar</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>En curso</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Cubierta</translation>
        </message>
        <message>
            <source>Declined by client</source>
            <translation>La persona no la quiere</translation>
        </message>
        <message>
            <source>Not needed</source>
            <translation>No hace falta</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Alta</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Media</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Baja</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contacto</translation>
        </message>
        <message>
            <source>Advocacy</source>
            <translation>Intercesoría</translation>
        </message>
        <message>
            <source>Court</source>
            <translation>Corte</translation>
        </message>
        <message>
            <source>Safety</source>
            <translation>Seguridad</translation>
        </message>
        <message>
            <source>Court hearing</source>
            <translation>Audiencia en la corte</translation>
        </message>
        <message>
            <source>Interview with prosecutor</source>
            <translation>Entrevista con la fiscalía</translation>
        </message>
        <message>
            <source>Protective order hearing</source>
            <translation>Audiencia de orden de protección</translation>
        </message>
        <message>
            <source>Medical</source>
            <translation>Cita médica</translation>
        </message>
        <message>
            <source>DMV</source>
            <translation>DMV (licencias)</translation>
        </message>
        <message>
            <source>Hotline call</source>
            <translation>Llamada a la línea de ayuda</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>Visita sin cita</translation>
        </message>
        <message>
            <source>Text or chat</source>
            <translation>Texto o chat</translation>
        </message>
        <message>
            <source>Advocate</source>
            <translation>Intercesor/a</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor/a</translation>
        </message>
        <message>
            <source>Give the summary a file name, for example summary.pdf.</source>
            <translation>Póngale un nombre de archivo al resumen, por ejemplo resumen.pdf.</translation>
        </message>
        <message>
            <source>{0} is inside the vault's data folder, where the app keeps its own files. Save the summary somewhere else, for example in Documents.</source>
            <translation>{0} está dentro de la carpeta de datos de la bóveda cifrada, donde la aplicación guarda sus propios archivos. Guarde el resumen en otro lugar, por ejemplo en Documentos.</translation>
        </message>
        <message>
            <source>{0} is a folder. Give a file name, for example {1}.</source>
            <translation>{0} es una carpeta. Escriba un nombre de archivo, por ejemplo {1}.</translation>
        </message>
        <message>
            <source>The folder {0} does not exist. Create it or choose another.</source>
            <translation>La carpeta {0} no existe. Créela o elija otra.</translation>
        </message>
        <message>
            <source>{0} is not a folder. Choose another place to save.</source>
            <translation>{0} no es una carpeta. Elija otro lugar para guardar.</translation>
        </message>
        <message>
            <source>The folder {0} cannot be written (no permission). Choose another place to save.</source>
            <translation>No se puede escribir en la carpeta {0} (no tiene permiso). Elija otro lugar para guardar.</translation>
        </message>
        <message>
            <source>{0} exists and cannot be replaced (no permission).</source>
            <translation>{0} ya existe y no se puede reemplazar (no tiene permiso).</translation>
        </message>
        <message>
            <source>{0} already exists. Replace it, or choose another name.</source>
            <translation>{0} ya existe. Reemplácelo o elija otro nombre.</translation>
        </message>
        <message>
            <source>Only a supervisor can make the summary.</source>
            <translation>Solo un/a supervisor/a puede hacer el resumen.</translation>
        </message>
        <message>
            <source>Choose what kind of appointment this is.</source>
            <translation>Elija qué tipo de cita es.</translation>
        </message>
        <message>
            <source>Enter the date and time of the appointment.</source>
            <translation>Escriba la fecha y la hora de la cita.</translation>
        </message>
        <message>
            <source>The appointment's date</source>
            <translation>La fecha de la cita</translation>
        </message>
        <message>
            <source>Keep the place under {0} characters.</source>
            <translation>Escriba el lugar con menos de {0} caracteres.</translation>
        </message>
        <message>
            <source>Keep the outcome under {0} characters; longer notes belong in a note.</source>
            <translation>Escriba el resultado con menos de {0} caracteres; lo que sea más largo va en una nota.</translation>
        </message>
        <message>
            <source>That client record no longer exists.</source>
            <translation>Ese expediente ya no existe.</translation>
        </message>
        <message>
            <source>That appointment was removed. The list will be refreshed.</source>
            <translation>Esa cita se eliminó. La lista se actualizará.</translation>
        </message>
        <message>
            <source>Only a supervisor can save a backup outside the vault's folder. Ask a supervisor; the automatic backups are still made every day.</source>
            <translation>Solo un/a supervisor/a puede guardar una copia de seguridad fuera de la carpeta de la bóveda cifrada. Pídaselo a un/a supervisor/a; las copias automáticas se siguen haciendo cada día.</translation>
        </message>
        <message>
            <source>That folder already holds too many backups from today. Choose another folder.</source>
            <translation>Esa carpeta ya tiene demasiadas copias de seguridad de hoy. Elija otra carpeta.</translation>
        </message>
        <message>
            <source>That folder does not exist any more (was the USB stick removed?). Nothing was changed; choose the folder again.</source>
            <translation>Esa carpeta ya no existe (¿se desconectó la memoria USB?). No se cambió nada; elija la carpeta otra vez.</translation>
        </message>
        <message>
            <source>No backup was made because part of the vault could not be read: it may be damaged. The existing backups were kept. Check the vault (Backups, or `advocate-app check`) and restore the newest backup if it is damaged.</source>
            <translation>No se hizo la copia de seguridad porque no se pudo leer una parte de la bóveda cifrada: puede estar dañada. Se conservaron las copias de seguridad existentes. Revise la bóveda (Copias de seguridad, o `advocate-app check`) y restaure la copia más reciente si está dañada.</translation>
        </message>
        <message>
            <source>No backup was made because the vault file is damaged.  The existing backups were kept. Restore the newest backup.</source>
            <translation>No se hizo la copia de seguridad porque el archivo de la bóveda está dañado. Se conservaron las copias de seguridad existentes. Restaure la copia más reciente.</translation>
        </message>
        <message>
            <source>The backup was written but did not read back correctly, so it was not kept. The disk or USB stick may be failing. Nothing was changed; try another disk.</source>
            <translation>La copia de seguridad se escribió, pero no se pudo volver a leer correctamente, así que no se guardó. Puede que el disco o la memoria USB estén fallando. No se cambió nada; pruebe con otro disco.</translation>
        </message>
        <message>
            <source>{0} ({1}) is before {2}: check the year. Nothing was saved.</source>
            <translation>{0} ({1}) es anterior a {2}: revise el año. No se guardó nada.</translation>
        </message>
        <message>
            <source>{0} ({1}) is more than a year ahead: check the year. Nothing was saved.</source>
            <translation>{0} ({1}) es más de un año en el futuro: revise el año. No se guardó nada.</translation>
        </message>
        <message>
            <source>Enter an alias: a code or first-name alias, not a legal name.</source>
            <translation>Escriba un alias: un código o un nombre de pila ficticio, no el nombre legal.</translation>
        </message>
        <message>
            <source>Keep the alias under {0} characters.</source>
            <translation>Escriba el alias con menos de {0} caracteres.</translation>
        </message>
        <message>
            <source>Choose an age group from the list.</source>
            <translation>Elija un grupo de edad de la lista.</translation>
        </message>
        <message>
            <source>Choose a trafficking type from the list.</source>
            <translation>Elija un tipo de trata de la lista.</translation>
        </message>
        <message>
            <source>The intake date cannot be in the future.</source>
            <translation>La fecha de ingreso no puede estar en el futuro.</translation>
        </message>
        <message>
            <source>Another open client already has this alias. Add a letter or number to tell them apart.</source>
            <translation>Otra persona con expediente abierto ya tiene este alias. Agregue una letra o un número para distinguirlas.</translation>
        </message>
        <message>
            <source>Another open client has this alias; change one of them first.</source>
            <translation>Otra persona con expediente abierto tiene este alias; primero cambie uno de los dos.</translation>
        </message>
        <message>
            <source>Type the client's alias exactly to confirm.</source>
            <translation>Escriba el alias de la persona exactamente igual para confirmar.</translation>
        </message>
        <message>
            <source>The keys file asks for weaker protection than this app allows, so it was not used. It may have been altered. Restore the keys file from a backup.</source>
            <translation>El archivo de claves pide una protección más débil de la que esta aplicación permite, así que no se usó. Puede que lo hayan alterado. Restaure el archivo de claves desde una copia de seguridad.</translation>
        </message>
        <message>
            <source>The keys file asks for far more memory or time than any real vault uses, so it was not used. It may have been altered. Restore the keys file from a backup.</source>
            <translation>El archivo de claves pide mucha más memoria o tiempo de lo que usa cualquier bóveda real, así que no se usó. Puede que lo hayan alterado. Restaure el archivo de claves desde una copia de seguridad.</translation>
        </message>
        <message>
            <source>A recovery key has {0} letters and digits in nine groups; this one has {1}. Check that no group is missing or doubled.</source>
            <translation>Una clave de recuperación tiene {0} letras y dígitos en nueve grupos; esta tiene {1}. Revise que no falte ni se repita ningún grupo.</translation>
        </message>
        <message>
            <source>The recovery key has a typing mistake: its last group (the check group) does not match the others. Compare each group with the printed copy, one character at a time.</source>
            <translation>La clave de recuperación tiene un error de escritura: su último grupo (el grupo de control) no coincide con los demás. Compare cada grupo con la copia impresa, carácter por carácter.</translation>
        </message>
        <message>
            <source>The keys file does not open this vault's database: either the database is damaged or the keys file belongs to another vault. Nothing was changed. Restore the matching keys file or the newest backup.</source>
            <translation>El archivo de claves no abre la base de datos de esta bóveda cifrada: o la base de datos está dañada o el archivo de claves es de otra bóveda. No se cambió nada. Restaure el archivo de claves que le corresponde o la copia de seguridad más reciente.</translation>
        </message>
        <message>
            <source>The vault database could not be read. Restore the newest backup; the damaged file was left as it is.</source>
            <translation>No se pudo leer la base de datos de la bóveda. Restaure la copia de seguridad más reciente; el archivo dañado se dejó tal como estaba.</translation>
        </message>
        <message>
            <source>That passphrase is not right for this user. Check Caps Lock and try again, or use the recovery key.</source>
            <translation>Esa frase de contraseña no es la correcta para este usuario. Revise las mayúsculas (Bloq Mayús) e inténtelo de nuevo, o use la clave de recuperación.</translation>
        </message>
        <message>
            <source>This folder cannot be written: {0}. The vault is not damaged, but nothing can be saved there. Check that the disk is not read-only and that you may write to the folder and its files, then try again. Nothing was changed.</source>
            <translation>No se puede escribir en esta carpeta: {0}. La bóveda cifrada no está dañada, pero no se puede guardar nada allí. Revise que el disco no sea de solo lectura y que tenga permiso para escribir en la carpeta y sus archivos, y vuelva a intentarlo. No se cambió nada.</translation>
        </message>
        <message>
            <source>The vault is locked. Unlock it to continue.</source>
            <translation>La bóveda cifrada está bloqueada. Desbloquéela para continuar.</translation>
        </message>
        <message>
            <source>The disk is full or the folder cannot be written, so this was not saved. Your text is still here. Free some space (or check the folder), then save again.</source>
            <translation>El disco está lleno o no se puede escribir en la carpeta, así que esto no se guardó. Su texto sigue aquí. Libere espacio (o revise la carpeta) y vuelva a guardar.</translation>
        </message>
        <message>
            <source>The vault folder could not be put in order (an interrupted restore or set-up could not be finished) because the disk reported an error. Nothing was deleted. Check the disk, then start again.</source>
            <translation>No se pudo poner en orden la carpeta de la bóveda (no se pudo terminar una restauración o configuración interrumpida) porque el disco informó un error. No se borró nada. Revise el disco y vuelva a empezar.</translation>
        </message>
        <message>
            <source>A restore that was interrupted cannot be finished safely: the vault folder changed since. Nothing was moved or deleted. Ask for help before changing the folder.</source>
            <translation>Una restauración interrumpida no se puede terminar de forma segura: la carpeta de la bóveda cambió desde entonces. No se movió ni se borró nada. Pida ayuda antes de hacer cambios en la carpeta.</translation>
        </message>
        <message>
            <source>The re-key mark is not one this app wrote; nothing was moved.</source>
            <translation>Esta aplicación no escribió esa marca de cambio de claves; no se movió nada.</translation>
        </message>
        <message>
            <source>A change of the vault's keys was interrupted and could not be finished because the vault folder cannot be written. Nothing was deleted: free some space or check the disk, then open the app again.</source>
            <translation>Un cambio de las claves de la bóveda se interrumpió y no se pudo terminar porque no se puede escribir en la carpeta de la bóveda. No se borró nada: libere espacio o revise el disco, y luego vuelva a abrir la aplicación.</translation>
        </message>
        <message>
            <source>The keys file ({0}) is missing from the vault folder, so the vault cannot be opened. Restore it from a backup; the vault itself was not changed.</source>
            <translation>Falta el archivo de claves ({0}) en la carpeta de la bóveda cifrada, así que no se puede abrir. Restáurelo desde una copia de seguridad; la bóveda misma no se cambió.</translation>
        </message>
        <message>
            <source>This vault's keys file was written by a newer version of Advocate Companion. Install that version (or newer) to open it; nothing was changed.</source>
            <translation>El archivo de claves de esta bóveda cifrada lo escribió una versión más nueva de Advocate Companion. Instale esa versión (o una más nueva) para abrirla; no se cambió nada.</translation>
        </message>
        <message>
            <source>The keys file has been altered or damaged, so it cannot be trusted. Restore it from a backup; the vault itself was not changed.</source>
            <translation>El archivo de claves fue alterado o está dañado, así que no es confiable. Restáurelo desde una copia de seguridad; la bóveda en sí no se modificó.</translation>
        </message>
        <message>
            <source>That recovery key is well formed but does not belong to this vault. Check that it is the key printed for this office's vault.</source>
            <translation>Esa clave de recuperación está bien escrita, pero no es de esta bóveda cifrada. Revise que sea la clave impresa para la bóveda de esta oficina.</translation>
        </message>
        <message>
            <source>The keys file is damaged or incomplete, so the vault cannot be opened with it. Restore it from a backup; the vault itself was not changed.</source>
            <translation>El archivo de claves está dañado o incompleto, así que no se puede abrir la bóveda con él. Restáurelo desde una copia de seguridad; la bóveda en sí no se modificó.</translation>
        </message>
        <message>
            <source>Choose what kind of note this is.</source>
            <translation>Elija qué tipo de nota es.</translation>
        </message>
        <message>
            <source>The note is empty.</source>
            <translation>La nota está vacía.</translation>
        </message>
        <message>
            <source>This note is longer than {0} characters. Keep notes short and factual; split it if you must.</source>
            <translation>Esta nota tiene más de {0} caracteres. Escriba notas breves y basadas en hechos; divídala si hace falta.</translation>
        </message>
        <message>
            <source>The note's date</source>
            <translation>La fecha de la nota</translation>
        </message>
        <message>
            <source>That note no longer exists.</source>
            <translation>Esa nota ya no existe.</translation>
        </message>
        <message>
            <source>The re-encrypted copy was not complete; nothing was changed.</source>
            <translation>La copia cifrada con las claves nuevas no estaba completa; no se cambió nada.</translation>
        </message>
        <message>
            <source>The vault's keys were not changed because the vault file is damaged. Nothing was changed. Restore the newest backup.</source>
            <translation>No se cambiaron las claves de la bóveda porque el archivo de la bóveda está dañado. No se cambió nada. Restaure la copia de seguridad más reciente.</translation>
        </message>
        <message>
            <source>The keys file was replaced by one of another vault while the app was open. Nothing was changed. Lock the app and open it again.</source>
            <translation>Mientras la aplicación estaba abierta, el archivo de claves se reemplazó por el de otra bóveda. No se cambió nada. Bloquee la aplicación y vuelva a abrirla.</translation>
        </message>
        <message>
            <source>The vault's keys were changed but the last step could not be written. Nothing was lost: open the app again once the disk is available, and the change will be completed.</source>
            <translation>Se cambiaron las claves de la bóveda, pero no se pudo escribir el último paso. No se perdió nada: vuelva a abrir la aplicación cuando el disco esté disponible y el cambio se completará.</translation>
        </message>
        <message>
            <source>Say who may receive the information, what, and for what purpose.</source>
            <translation>Indique quién puede recibir la información, qué información y con qué fin.</translation>
        </message>
        <message>
            <source>A release cannot expire before it was signed.</source>
            <translation>Una autorización para compartir información no puede vencer antes de la fecha en que se firmó.</translation>
        </message>
        <message>
            <source>The signing date cannot be in the future.</source>
            <translation>La fecha de firma no puede estar en el futuro.</translation>
        </message>
        <message>
            <source>That release no longer exists.</source>
            <translation>Esa autorización ya no existe.</translation>
        </message>
        <message>
            <source>Only a supervisor can change the summary settings.</source>
            <translation>Solo un/a supervisor/a puede cambiar la configuración del resumen.</translation>
        </message>
        <message>
            <source>The smallest count shown must be a whole number from {0} to {1}.</source>
            <translation>La cifra más pequeña que se muestra debe ser un número entero de {0} a {1}.</translation>
        </message>
        <message>
            <source>The fiscal year's first month must be a month from 1 to 12.</source>
            <translation>El primer mes del año fiscal debe ser un mes del 1 al 12.</translation>
        </message>
        <message>
            <source>Enter the resource's name.</source>
            <translation>Escriba el nombre del recurso.</translation>
        </message>
        <message>
            <source>Choose a category from the list.</source>
            <translation>Elija una categoría de la lista.</translation>
        </message>
        <message>
            <source>That name is already in the shipped directory; use a local name.</source>
            <translation>Ese nombre ya está en el directorio incluido; use un nombre local.</translation>
        </message>
        <message>
            <source>There is already a local resource with that name.</source>
            <translation>Ya hay un recurso local con ese nombre.</translation>
        </message>
        <message>
            <source>That resource was removed.</source>
            <translation>Ese recurso se eliminó.</translation>
        </message>
        <message>
            <source>That passphrase does not open this backup. A backup keeps the passphrases as they were on the day it was made: if yours changed since, type the old one, or use the office's recovery key. Nothing was changed.</source>
            <translation>Esa frase de contraseña no abre esta copia de seguridad. Una copia guarda las frases de contraseña como eran el día en que se hizo: si la suya cambió desde entonces, escriba la anterior o use la clave de recuperación de la oficina. No se cambió nada.</translation>
        </message>
        <message>
            <source>That recovery key does not open this backup: it belongs to another vault. Nothing was changed.</source>
            <translation>Esa clave de recuperación no abre esta copia de seguridad: es de otra bóveda cifrada. No se cambió nada.</translation>
        </message>
        <message>
            <source>Type a passphrase or the recovery key. Nothing was changed.</source>
            <translation>Escriba una frase de contraseña o la clave de recuperación. No se cambió nada.</translation>
        </message>
        <message>
            <source>No user by that name is in this backup. Choose one of its users, or use the recovery key. Nothing was changed.</source>
            <translation>No hay ningún usuario con ese nombre en esta copia de seguridad. Elija uno de sus usuarios o use la clave de recuperación. No se cambió nada.</translation>
        </message>
        <message>
            <source>You were not yet a user of this vault when this backup was made. Ask a user who was, or use the recovery key. Nothing was changed.</source>
            <translation>Usted todavía no era usuario de esta bóveda cifrada cuando se hizo esta copia. Pídaselo a alguien que sí lo era o use la clave de recuperación. No se cambió nada.</translation>
        </message>
        <message>
            <source>This backup has several users: say whose passphrase this is. Nothing was changed.</source>
            <translation>Esta copia de seguridad tiene varios usuarios: indique de quién es esta frase de contraseña. No se cambió nada.</translation>
        </message>
        <message>
            <source>A restore that was interrupted could not be finished because the vault folder cannot be written. Check the disk, then start again; nothing was deleted.</source>
            <translation>Una restauración interrumpida no se pudo terminar porque no se puede escribir en la carpeta de la bóveda. Revise el disco y vuelva a empezar; no se borró nada.</translation>
        </message>
        <message>
            <source>That recovery key is not the one of the vault in this folder. Nothing was changed.</source>
            <translation>Esa clave de recuperación no es la de la bóveda cifrada de esta carpeta. No se cambió nada.</translation>
        </message>
        <message>
            <source>That passphrase does not open the vault now in this folder. To restore, type the passphrase you use today (a supervisor's), or use the recovery key. Nothing was changed.</source>
            <translation>Esa frase de contraseña no abre la bóveda cifrada que está ahora en esta carpeta. Para restaurar, escriba la frase de contraseña que usa hoy (la de un/a supervisor/a) o use la clave de recuperación. No se cambió nada.</translation>
        </message>
        <message>
            <source>The vault folder cannot be created or written, so nothing was restored. Check the disk and the folder.</source>
            <translation>No se puede crear la carpeta de la bóveda cifrada ni escribir en ella, así que no se restauró nada. Revise el disco y la carpeta.</translation>
        </message>
        <message>
            <source>The vault folder cannot be written, so nothing was restored. Check the disk and the folder.</source>
            <translation>No se puede escribir en la carpeta de la bóveda cifrada, así que no se restauró nada. Revise el disco y la carpeta.</translation>
        </message>
        <message>
            <source>This backup is of a different vault (another office, or an earlier set-up), not of this one. Nothing was changed.</source>
            <translation>Esta copia de seguridad es de otra bóveda cifrada (otra oficina o una configuración anterior), no de esta. No se cambió nada.</translation>
        </message>
        <message>
            <source>The backup could not be unpacked: the disk is full or the vault folder cannot be written. Nothing was changed. Free some space, then try again.</source>
            <translation>No se pudo desempacar la copia de seguridad: el disco está lleno o no se puede escribir en la carpeta de la bóveda cifrada. No se cambió nada. Libere espacio y vuelva a intentarlo.</translation>
        </message>
        <message>
            <source>The restore could not be finished because the vault folder cannot be written. Nothing was deleted: start the app again once the disk is available, and the restore will be completed.</source>
            <translation>No se pudo terminar la restauración porque no se puede escribir en la carpeta de la bóveda. No se borró nada: vuelva a abrir la aplicación cuando el disco esté disponible y la restauración se completará.</translation>
        </message>
        <message>
            <source>Only a supervisor can export the summary.</source>
            <translation>Solo un/a supervisor/a puede exportar el resumen.</translation>
        </message>
        <message>
            <source>Too many wrong tries. Wait {0} seconds, then try again.</source>
            <translation>Demasiados intentos equivocados. Espere {0} segundos y vuelva a intentarlo.</translation>
        </message>
        <message>
            <source>Enter the office name and your name.</source>
            <translation>Escriba el nombre de la oficina y su nombre.</translation>
        </message>
        <message>
            <source>{0} is a file, not a folder. Choose a folder for the vault (a new or an empty one). Nothing was changed.</source>
            <translation>{0} es un archivo, no una carpeta. Elija una carpeta para la bóveda cifrada (nueva o vacía). No se cambió nada.</translation>
        </message>
        <message>
            <source>There is no vault in this folder yet. Set up this office first, or choose the folder that holds the vault.</source>
            <translation>Todavía no hay una bóveda cifrada en esta carpeta. Primero configure esta oficina o elija la carpeta donde está la bóveda.</translation>
        </message>
        <message>
            <source>The vault's database file (vault.db) is missing from this folder. Restore the newest backup.</source>
            <translation>Falta en esta carpeta el archivo de base de datos de la bóveda cifrada (vault.db). Restaure la copia de seguridad más reciente.</translation>
        </message>
        <message>
            <source>Part of the vault could not be read while unlocking: it may be damaged. Nothing was changed. Restore the newest backup.</source>
            <translation>No se pudo leer una parte de la bóveda al desbloquearla: puede estar dañada. No se cambió nada. Restaure la copia de seguridad más reciente.</translation>
        </message>
        <message>
            <source>The keys file belongs to another vault. Nothing was changed. Restore this vault's own keys file or its newest backup.</source>
            <translation>El archivo de claves es de otra bóveda cifrada. No se cambió nada. Restaure el archivo de claves de esta bóveda o su copia de seguridad más reciente.</translation>
        </message>
        <message>
            <source>The vault database could not be opened; it may be damaged. Nothing was changed. Restore the newest backup.</source>
            <translation>No se pudo abrir la base de datos de la bóveda; puede estar dañada. No se cambió nada. Restaure la copia de seguridad más reciente.</translation>
        </message>
        <message>
            <source>There is already a vault in this folder. Open it instead, or choose another folder.</source>
            <translation>Ya hay una bóveda cifrada en esta carpeta. Ábrala o elija otra carpeta.</translation>
        </message>
        <message>
            <source>The vault is busy; try again in a moment.</source>
            <translation>La bóveda está ocupada; vuelva a intentarlo en un momento.</translation>
        </message>
        <message>
            <source>Use at most {0} characters; a few unrelated words are plenty.</source>
            <translation>Use como máximo {0} caracteres; unas cuantas palabras sin relación entre sí son más que suficientes.</translation>
        </message>
        <message>
            <source>Use at least {0} characters; a few unrelated words work well.</source>
            <translation>Use al menos {0} caracteres; unas cuantas palabras sin relación entre sí funcionan bien.</translation>
        </message>
        <message>
            <source>This passphrase would be easy to guess.</source>
            <translation>Esta frase de contraseña sería fácil de adivinar.</translation>
        </message>
        <message>
            <source>Add another word or two. Uncommon words are better.</source>
            <translation>Agregue una o dos palabras más. Las palabras poco comunes son mejores.</translation>
        </message>
        <message>
            <source>Capitalization doesn't help very much.</source>
            <translation>Usar mayúsculas no ayuda mucho.</translation>
        </message>
        <message>
            <source>Reversed words aren't much harder to guess.</source>
            <translation>Las palabras escritas al revés no son mucho más difíciles de adivinar.</translation>
        </message>
        <message>
            <source>Predictable substitutions like '@' instead of 'a' don't help very much.</source>
            <translation>Los cambios previsibles, como «@» en lugar de «a», no ayudan mucho.</translation>
        </message>
        <message>
            <source>Use a few words, avoid common phrases.</source>
            <translation>Use varias palabras y evite frases comunes.</translation>
        </message>
        <message>
            <source>No need for symbols, digits, or uppercase letters.</source>
            <translation>No hacen falta símbolos, números ni mayúsculas.</translation>
        </message>
        <message>
            <source>Straight rows of keys are easy to guess.</source>
            <translation>Las filas seguidas de teclas son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Short keyboard patterns are easy to guess.</source>
            <translation>Los patrones cortos del teclado son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>This is a top-10 common password.</source>
            <translation>Esta es una de las 10 contraseñas más comunes.</translation>
        </message>
        <message>
            <source>This is similar to a commonly used password.</source>
            <translation>Se parece a una contraseña muy usada.</translation>
        </message>
        <message>
            <source>A word by itself is easy to guess.</source>
            <translation>Una palabra sola es fácil de adivinar.</translation>
        </message>
        <message>
            <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
            <translation>Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.</translation>
        </message>
        <message>
            <source>Use a longer keyboard pattern with more turns.</source>
            <translation>Use un patrón de teclado más largo y con más cambios de dirección.</translation>
        </message>
        <message>
            <source>Repeats like "aaa" are easy to guess.</source>
            <translation>Las repeticiones como «aaa» son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Repeats like "abcabcabc" are only slightly harder to guess than "abc".</source>
            <translation>Las repeticiones como «abcabcabc» son apenas un poco más difíciles de adivinar que «abc».</translation>
        </message>
        <message>
            <source>This is a top-100 common password.</source>
            <translation>Esta es una de las 100 contraseñas más comunes.</translation>
        </message>
        <message>
            <source>This is a very common password.</source>
            <translation>Esta es una contraseña muy común.</translation>
        </message>
        <message>
            <source>Names and surnames by themselves are easy to guess.</source>
            <translation>Los nombres y apellidos solos son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Common names and surnames are easy to guess.</source>
            <translation>Los nombres y apellidos comunes son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Avoid repeated words and characters.</source>
            <translation>Evite repetir palabras y caracteres.</translation>
        </message>
        <message>
            <source>Sequences like "abc" or "6543" are easy to guess.</source>
            <translation>Las secuencias como «abc» o «6543» son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Avoid sequences.</source>
            <translation>Evite las secuencias.</translation>
        </message>
        <message>
            <source>Recent years are easy to guess.</source>
            <translation>Los años recientes son fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Dates are often easy to guess.</source>
            <translation>Las fechas suelen ser fáciles de adivinar.</translation>
        </message>
        <message>
            <source>Avoid recent years.</source>
            <translation>Evite los años recientes.</translation>
        </message>
        <message>
            <source>Avoid years that are associated with you.</source>
            <translation>Evite los años relacionados con usted.</translation>
        </message>
        <message>
            <source>Avoid dates and years that are associated with you.</source>
            <translation>Evite las fechas y los años relacionados con usted.</translation>
        </message>
        <message>
            <source>Choose answers for {0}, or 'declined to answer', not both.</source>
            <translation>Elija respuestas para {0} o «prefirió no responder», pero no ambas cosas.</translation>
        </message>
        <message>
            <source>Choose {0} from the list.</source>
            <translation>Elija {0} de la lista.</translation>
        </message>
        <message>
            <source>Choose a gender identity from the list.</source>
            <translation>Elija una identidad de género de la lista.</translation>
        </message>
        <message>
            <source>race or ethnicity</source>
            <translation>raza u origen étnico</translation>
        </message>
        <message>
            <source>what happened (victimization types)</source>
            <translation>lo que pasó (tipos de victimización)</translation>
        </message>
        <message>
            <source>special classifications</source>
            <translation>clasificaciones especiales</translation>
        </message>
        <message>
            <source>Choose services from the list.</source>
            <translation>Elija los servicios de la lista.</translation>
        </message>
        <message>
            <source>That contact no longer exists.</source>
            <translation>Ese contacto ya no existe.</translation>
        </message>
        <message>
            <source>Only a supervisor can see the VOCA quarterly figures.</source>
            <translation>Solo un/a supervisor/a puede ver las cifras trimestrales de VOCA.</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Página</translation>
        </message>
        <message>
            <source>VOCA quarterly figures</source>
            <translation>Cifras trimestrales de VOCA</translation>
        </message>
        <message>
            <source>The exact counts for the federal Performance Measurement Tool (PMT), question by question in the form's order and wording. These exact numbers are for typing into the federal form and never leave the app otherwise: they are not saved, exported or put in the anonymized summary. Copy one at a time; the clipboard is cleared again shortly after.</source>
            <translation>Las cifras exactas para la herramienta federal de medición del desempeño (PMT), pregunta por pregunta, en el orden y con la redacción del formulario. Estas cifras exactas son para escribirlas en el formulario federal y no salen de la aplicación de ninguna otra manera: no se guardan, no se exportan ni se incluyen en el resumen anónimo. Copie una a la vez; el portapapeles se vacía de nuevo poco después.</translation>
        </message>
        <message>
            <source>Federal fiscal quarter</source>
            <translation>Trimestre fiscal federal</translation>
        </message>
        <message>
            <source>Federal fiscal &amp;quarter</source>
            <translation>&amp;Trimestre fiscal federal</translation>
        </message>
        <message>
            <source>Show figures</source>
            <translation>Mostrar las cifras</translation>
        </message>
        <message>
            <source>Federal fiscal years start on October 1: quarter 1 is October to December, whatever the office's own fiscal year.</source>
            <translation>El año fiscal federal empieza el 1 de octubre: el trimestre 1 va de octubre a diciembre, sea cual sea el año fiscal de la oficina.</translation>
        </message>
        <message>
            <source>Choose a quarter and press Show figures.</source>
            <translation>Elija un trimestre y pulse Mostrar las cifras.</translation>
        </message>
        <message>
            <source>{0} (not over yet)</source>
            <translation>{0} (aún no termina)</translation>
        </message>
        <message>
            <source>Choose a quarter first.</source>
            <translation>Elija primero un trimestre.</translation>
        </message>
        <message>
            <source>Compare with the form in the PMT before typing: this version of the questions could not be confirmed as the FY{0} form (see assets/voca in the app's files).</source>
            <translation>Compare con el formulario de la PMT antes de escribir: no se pudo confirmar que esta versión de las preguntas sea la del formulario del año fiscal {0} (vea assets/voca en los archivos de la aplicación).</translation>
        </message>
        <message>
            <source>Showing {0}. Form: {1}, federal FY{2} (checked {3}).</source>
            <translation>Se muestra {0}. Formulario: {1}, año fiscal federal {2} (revisado el {3}).</translation>
        </message>
        <message>
            <source>Showing {0}. This quarter is not over: the figures will still change.</source>
            <translation>Se muestra {0}. Este trimestre aún no termina: las cifras todavía cambiarán.</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copiar</translation>
        </message>
        <message>
            <source>Copy {0}: {1}</source>
            <translation>Copiar {0}: {1}</translation>
        </message>
        <message>
            <source>Copy {0} ({1}) to type into the PMT</source>
            <translation>Copiar {0} ({1}) para escribirlo en la PMT</translation>
        </message>
        <message>
            <source>Copied {0}: {1}.</source>
            <translation>Se copió {0}: {1}.</translation>
        </message>
        <message>
            <source>{0}. {1}</source>
            <translation>{0}. {1}</translation>
        </message>
        <message>
            <source>On the PMT: {0}</source>
            <translation>En el PMT: {0}</translation>
        </message>
        <message>
            <source>This question's wording could not be confirmed in a published text of the form.</source>
            <translation>No se pudo confirmar la redacción de esta pregunta en un texto publicado del formulario.</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Individuals</source>
            <translation>Personas</translation>
        </message>
        <message>
            <source>Times</source>
            <translation>Veces</translation>
        </message>
        <message>
            <source>{0} (wording not confirmed)</source>
            <translation>{0} (redacción sin confirmar)</translation>
        </message>
        <message>
            <source>{0}, individuals</source>
            <translation>{0}, personas</translation>
        </message>
        <message>
            <source>{0}, times</source>
            <translation>{0}, veces</translation>
        </message>
        <message>
            <source>Only a supervisor can change what the sign-in screen shows.</source>
            <translation>Solo un/a supervisor/a puede cambiar lo que muestra la pantalla de desbloqueo.</translation>
        </message>
        <message>
            <source>The name on the sign-in screen can be at most {0} characters.</source>
            <translation>El nombre de la pantalla de desbloqueo puede tener como máximo {0} caracteres.</translation>
        </message>
        <message>
            <source>Enter saves the chosen status; Escape cancels.</source>
            <translation>Enter guarda el estado elegido; Escape cancela.</translation>
        </message>
        <message>
            <source>Sign-in screen</source>
            <translation>Pantalla de desbloqueo</translation>
        </message>
        <message>
            <source>Save the sign-in screen</source>
            <translation>Guardar la pantalla de desbloqueo</translation>
        </message>
        <message>
            <source>Keeps the choice for everyone who unlocks on this computer; it is shown the next time the app is locked.</source>
            <translation>Guarda la elección para todas las personas que desbloquean en esta computadora; se ve la próxima vez que la aplicación se bloquee.</translation>
        </message>
        <message>
            <source>Sign-in screen status</source>
            <translation>Estado de la pantalla de desbloqueo</translation>
        </message>
        <message>
            <source>Saved: the sign-in screen shows “{0}”.</source>
            <translation>Guardado: la pantalla de desbloqueo muestra «{0}».</translation>
        </message>
        <message>
            <source>Saved: the sign-in screen shows no office name.</source>
            <translation>Guardado: la pantalla de desbloqueo no muestra el nombre de la oficina.</translation>
        </message>
        <message>
            <source>Show the office name on the si&amp;gn-in screen</source>
            <translation>Mostrar el nombre de la oficina en la pantalla de &amp;desbloqueo</translation>
        </message>
        <message>
            <source>Anyone who opens this computer can read it. Turn this off on a laptop you take to court or to meetings.</source>
            <translation>Cualquiera que abra esta computadora puede leerlo. Desactívelo en una computadora portátil que lleve a la corte o a reuniones.</translation>
        </message>
        <message>
            <source>Name shown on the sign-in screen</source>
            <translation>Nombre que muestra la pantalla de desbloqueo</translation>
        </message>
        <message>
            <source>Plain text of at most {0} characters, shown above the names of the staff before anyone unlocks. Anyone who opens this computer can read it.</source>
            <translation>Texto simple de {0} caracteres como máximo, que aparece sobre los nombres del personal antes de desbloquear. Cualquiera que abra esta computadora puede leerlo.</translation>
        </message>
        <message>
            <source>Na&amp;me shown</source>
            <translation>&amp;Texto que se muestra</translation>
        </message>
        <message>
            <source>Optional. Arrow keys move, Space ticks or unticks. Not asked and Declined to answer are neutral choices.</source>
            <translation>Opcional. Las flechas mueven, la barra espaciadora marca o desmarca. «No se le preguntó» y «No quiso responder» son opciones neutrales.</translation>
        </message>
        <message>
            <source>Not asked</source>
            <translation>No se le preguntó</translation>
        </message>
        <message>
            <source>Declined to answer</source>
            <translation>No quiso responder</translation>
        </message>
        <message>
            <source>Funder report &amp;questions (optional)</source>
            <translation>Preguntas para el in&amp;forme a quienes financian (opcionales)</translation>
        </message>
        <message>
            <source>Funder report questions (optional)</source>
            <translation>Preguntas para el informe a quienes financian (opcionales)</translation>
        </message>
        <message>
            <source>Shows or hides the optional questions for the funder's quarterly report.</source>
            <translation>Muestra u oculta las preguntas opcionales para el informe trimestral a quienes financian.</translation>
        </message>
        <message>
            <source>Needed for the funder's quarterly report. Optional: never press a survivor to answer.</source>
            <translation>Se necesitan para el informe trimestral a quienes financian. Son opcionales: nunca presione a una persona sobreviviente para que responda.</translation>
        </message>
        <message>
            <source>Gender identity (optional)</source>
            <translation>Identidad de género (opcional)</translation>
        </message>
        <message>
            <source>Optional. Not asked and Declined to answer are neutral choices.</source>
            <translation>Opcional. «No se le preguntó» y «No quiso responder» son opciones neutrales.</translation>
        </message>
        <message>
            <source>Race or ethnicity (optional)</source>
            <translation>Raza o etnia (opcional)</translation>
        </message>
        <message>
            <source>Victimization types (optional)</source>
            <translation>Tipos de victimización (opcional)</translation>
        </message>
        <message>
            <source>Special classifications (optional)</source>
            <translation>Clasificaciones especiales (opcional)</translation>
        </message>
        <message>
            <source>Gen&amp;der identity</source>
            <translation>Id&amp;entidad de género</translation>
        </message>
        <message>
            <source>&amp;Race or ethnicity</source>
            <translation>&amp;Raza o etnia</translation>
        </message>
        <message>
            <source>Victimizati&amp;on types</source>
            <translation>Tipos de &amp;victimización</translation>
        </message>
        <message>
            <source>&amp;Special classifications</source>
            <translation>C&amp;lasificaciones especiales</translation>
        </message>
        <message>
            <source>Services given</source>
            <translation>Servicios dados</translation>
        </message>
        <message>
            <source>Services given with this note, for the funder's report ({0})</source>
            <translation>Servicios dados con esta nota, para el informe a quienes financian ({0})</translation>
        </message>
        <message>
            <source>Optional, for the funder's quarterly report. Arrow keys move, Space ticks or unticks. Grouped as the federal form groups them, the most used first.</source>
            <translation>Opcional, para el informe trimestral a quienes financian. Las flechas mueven, la barra espaciadora marca o desmarca. Agrupados como en el formulario federal, los más usados primero.</translation>
        </message>
        <message>
            <source>none ticked</source>
            <translation>ninguno marcado</translation>
        </message>
        <message>
            <source>Ticked ({0}): {1}</source>
            <translation>Marcados ({0}): {1}</translation>
        </message>
        <message>
            <source>{0}. Shows or hides the services to tick ({1}).</source>
            <translation>{0}. Muestra u oculta los servicios para marcar ({1}).</translation>
        </message>
        <message>
            <source>No problem was found with the vault's files.</source>
            <translation>No se encontró ningún problema en los archivos de la bóveda cifrada.</translation>
        </message>
        <message>
            <source>The vault was interrupted while tidying its files (for example by a power cut). This is not damage: every finished change is safe in the file vault.db-wal and is folded back in when the vault is next opened.</source>
            <translation>La bóveda cifrada se interrumpió mientras ordenaba sus archivos (por ejemplo, por un corte de luz). No es un daño: cada cambio terminado está a salvo en el archivo vault.db-wal y se incorpora la próxima vez que se abra la bóveda.</translation>
        </message>
        <message>
            <source>There is no vault in this folder.</source>
            <translation>No hay ninguna bóveda cifrada en esta carpeta.</translation>
        </message>
        <message>
            <source>Setting up a vault in this folder was interrupted before it finished, so nothing was ever saved in it. Set it up again (start the app, or run `advocate-app init`).</source>
            <translation>La configuración de una bóveda cifrada en esta carpeta se interrumpió antes de terminar, así que nunca se guardó nada en ella. Configúrela de nuevo (abra la aplicación o ejecute `advocate-app init`).</translation>
        </message>
        <message>
            <source>This folder cannot be written. The vault is not damaged, but nothing can be saved there. Check that the disk is not read-only and that you may write to the folder and its files.</source>
            <translation>No se puede escribir en esta carpeta. La bóveda cifrada no está dañada, pero no se puede guardar nada allí. Compruebe que el disco no sea de solo lectura y que usted tenga permiso para escribir en la carpeta y en sus archivos.</translation>
        </message>
        <message>
            <source>A restore was interrupted before it finished. The restored copy and the vault as it was are both still in the folder; opening the vault again finishes the restore.</source>
            <translation>Una restauración se interrumpió antes de terminar. La copia restaurada y la bóveda cifrada tal como estaba siguen en la carpeta; al abrir la bóveda de nuevo se termina la restauración.</translation>
        </message>
        <message>
            <source>The vault's database file (vault.db) is missing from its folder, although its keys file is there. It may have been moved or deleted by another program.</source>
            <translation>Falta el archivo de la base de datos de la bóveda cifrada (vault.db) en su carpeta, aunque su archivo de claves sí está. Puede que otro programa lo haya movido o borrado.</translation>
        </message>
        <message>
            <source>The vault's database file (vault.db) is shorter than it should be: it was cut off, for example by a copy that did not finish or a failing disk.</source>
            <translation>El archivo de la base de datos de la bóveda cifrada (vault.db) es más corto de lo que debería: quedó cortado, por ejemplo por una copia que no terminó o por un disco que está fallando.</translation>
        </message>
        <message>
            <source>The beginning of the vault's database file (vault.db) has been overwritten, so none of it can be read.</source>
            <translation>Se sobrescribió el comienzo del archivo de la base de datos de la bóveda cifrada (vault.db), así que no se puede leer nada de él.</translation>
        </message>
        <message>
            <source>The file vault.db is an ordinary, unencrypted database, not an Advocate Companion vault. Another program's file may have been put in its place.</source>
            <translation>El archivo vault.db es una base de datos común, sin cifrar, y no una bóveda cifrada de Advocate Companion. Puede que se haya puesto el archivo de otro programa en su lugar.</translation>
        </message>
        <message>
            <source>The vault file (vault.db) is damaged, so some records cannot be read.</source>
            <translation>El archivo de la bóveda cifrada (vault.db) está dañado, así que algunos expedientes no se pueden leer.</translation>
        </message>
        <message>
            <source>The vault's keys file (vault.keys.json) is missing, so no passphrase can open the vault. The records themselves are still in vault.db.</source>
            <translation>Falta el archivo de claves de la bóveda cifrada (vault.keys.json), así que ninguna frase de contraseña puede abrirla. Los expedientes siguen en vault.db.</translation>
        </message>
        <message>
            <source>The vault's keys file (vault.keys.json) is damaged or incomplete, so no passphrase can open the vault with it. The records themselves are still in vault.db.</source>
            <translation>El archivo de claves de la bóveda cifrada (vault.keys.json) está dañado o incompleto, así que ninguna frase de contraseña puede abrir la bóveda con él. Los expedientes siguen en vault.db.</translation>
        </message>
        <message>
            <source>The vault's keys file was written by a newer version of Advocate Companion. Install that version (or newer) to open this vault.</source>
            <translation>El archivo de claves de la bóveda cifrada fue escrito por una versión más nueva de Advocate Companion. Instale esa versión (o una más nueva) para abrir esta bóveda.</translation>
        </message>
        <message>
            <source>The vault's keys file asks for weaker (or absurdly heavy) protection than this app allows, so it was not used. It may have been altered.</source>
            <translation>El archivo de claves de la bóveda cifrada pide una protección más débil (o exageradamente pesada) de la que esta aplicación permite, así que no se usó. Puede que lo hayan alterado.</translation>
        </message>
        <message>
            <source>The keys file (vault.keys.json) belongs to another vault, not to the database beside it, so the passphrases in it cannot open these records. It may have been copied over from another computer or another set-up.</source>
            <translation>El archivo de claves (vault.keys.json) pertenece a otra bóveda, no a la base de datos que está a su lado, así que sus frases de contraseña no pueden abrir estos expedientes. Puede que lo hayan copiado desde otra computadora o desde otra instalación.</translation>
        </message>
        <message>
            <source>The keys file does not open the database beside it: either the database (vault.db) is damaged, or the keys file belongs to another vault.</source>
            <translation>El archivo de claves no abre la base de datos que está a su lado: o la base de datos (vault.db) está dañada, o el archivo de claves pertenece a otra bóveda.</translation>
        </message>
        <message>
            <source>The vault's files could not be read: the folder may not allow it, or the disk reported an error.</source>
            <translation>No se pudieron leer los archivos de la bóveda cifrada: puede que la carpeta no lo permita o que el disco haya informado un error.</translation>
        </message>
        <message>
            <source>2026-Q2 (a fiscal quarter), FY2026 (a fiscal year) or CY2025 (a calendar year)</source>
            <translation>2026-Q2 (un trimestre fiscal), FY2026 (un año fiscal) o CY2025 (un año calendario)</translation>
        </message>
        <message>
            <source>fiscal year</source>
            <translation>año fiscal</translation>
        </message>
        <message>
            <source>The {0} must be a whole number such as 2026, not {1}.</source>
            <translation>El {0} debe ser un número entero, como 2026, no {1}.</translation>
        </message>
        <message>
            <source>The {0} must be between {1} and {2}; got {3}.</source>
            <translation>El {0} debe estar entre {1} y {2}; se recibió {3}.</translation>
        </message>
        <message>
            <source>The fiscal year's first month must be 1 to 12; got {0}.</source>
            <translation>El primer mes del año fiscal debe ser un número del 1 al 12; se recibió {0}.</translation>
        </message>
        <message>
            <source>A period must start on the first day of a month.</source>
            <translation>Un período debe empezar el primer día de un mes.</translation>
        </message>
        <message>
            <source>A period must end on the last day of a month.</source>
            <translation>Un período debe terminar el último día de un mes.</translation>
        </message>
        <message>
            <source>A period cannot end before it starts.</source>
            <translation>Un período no puede terminar antes de empezar.</translation>
        </message>
        <message>
            <source>The quarter must be 1, 2, 3 or 4; got {0}.</source>
            <translation>El trimestre debe ser 1, 2, 3 o 4; se recibió {0}.</translation>
        </message>
        <message>
            <source>calendar year</source>
            <translation>año calendario</translation>
        </message>
        <message>
            <source>Name the period as {0}.</source>
            <translation>Indique el período así: {0}.</translation>
        </message>
        <message>
            <source>{0} is not a period this app reports on. Use {1}.</source>
            <translation>{0} no es un período sobre el que informe esta aplicación. Use {1}.</translation>
        </message>
        <message>
            <source>{0} has not ended yet. A summary covers only a period that is over, so its numbers no longer change; choose an earlier one.</source>
            <translation>{0} todavía no ha terminado. Un resumen abarca solo un período ya terminado, para que sus cifras no cambien más; elija uno anterior.</translation>
        </message>
        <message>
            <source>line {0}, column {1}</source>
            <translation>línea {0}, columna {1}</translation>
        </message>
        <message>
            <source>line {0}</source>
            <translation>línea {0}</translation>
        </message>
        <message>
            <source>step {0}</source>
            <translation>paso {0}</translation>
        </message>
        <message>
            <source>field {0}</source>
            <translation>campo {0}</translation>
        </message>
        <message>
            <source>the file is {0} MB; the most allowed is 1 MB. Is this the right file?</source>
            <translation>el archivo ocupa {0} MB; lo máximo permitido es 1 MB. ¿Es el archivo correcto?</translation>
        </message>
        <message>
            <source>the file could not be read ({0})</source>
            <translation>no se pudo leer el archivo ({0})</translation>
        </message>
        <message>
            <source>the file is larger than 1 MB, the most allowed. Is this the right file?</source>
            <translation>el archivo ocupa más de 1 MB, lo máximo permitido. ¿Es el archivo correcto?</translation>
        </message>
        <message>
            <source>the file is not valid UTF-8 text (bad byte at offset {0}, line {1}); save it as UTF-8 in your editor</source>
            <translation>el archivo no es texto UTF-8 válido (byte incorrecto en la posición {0}, línea {1}); guárdelo como UTF-8 en su editor</translation>
        </message>
        <message>
            <source>the id "{0}" is already used by {1}; each scenario needs its own id</source>
            <translation>el id "{0}" ya lo usa {1}; cada escenario necesita su propio id</translation>
        </message>
        <message>
            <source>{0} (a true/false value)</source>
            <translation>{0} (un valor true/false)</translation>
        </message>
        <message>
            <source>the number {0}</source>
            <translation>el número {0}</translation>
        </message>
        <message>
            <source>the text {0}</source>
            <translation>el texto {0}</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>una lista</translation>
        </message>
        <message>
            <source>a table</source>
            <translation>una tabla</translation>
        </message>
        <message>
            <source>the date or time {0}</source>
            <translation>la fecha u hora {0}</translation>
        </message>
        <message>
            <source>the required [{0}] table is missing</source>
            <translation>falta la tabla obligatoria [{0}]</translation>
        </message>
        <message>
            <source>the required key "{0}" is missing</source>
            <translation>falta la clave obligatoria "{0}"</translation>
        </message>
        <message>
            <source>"{0}" is not a key this file understands at the top of the file; check the spelling (allowed at the top of the file: {1})</source>
            <translation>"{0}" no es una clave que este archivo entienda al principio del archivo; revise cómo está escrita (permitidas al principio del archivo: {1})</translation>
        </message>
        <message>
            <source>"{0}" is not a key this file understands here; check the spelling (allowed here: {1})</source>
            <translation>"{0}" no es una clave que este archivo entienda aquí; revise cómo está escrita (permitidas aquí: {1})</translation>
        </message>
        <message>
            <source>expected text in quotes, got {0}</source>
            <translation>se esperaba texto entre comillas y se encontró {0}</translation>
        </message>
        <message>
            <source>expected a whole number, got {0}</source>
            <translation>se esperaba un número entero y se encontró {0}</translation>
        </message>
        <message>
            <source>expected true or false, got {0}</source>
            <translation>se esperaba true o false y se encontró {0}</translation>
        </message>
        <message>
            <source>expected a list, got {0} (write each entry as [[{1}]], with double brackets)</source>
            <translation>se esperaba una lista y se encontró {0} (escriba cada entrada como [[{1}]], con corchetes dobles)</translation>
        </message>
        <message>
            <source>expected a list, got {0}</source>
            <translation>se esperaba una lista y se encontró {0}</translation>
        </message>
        <message>
            <source>expected a table ([{0}] or {{ ... }}), got {1}</source>
            <translation>se esperaba una tabla ([{0}] o {{ ... }}) y se encontró {1}</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>no puede quedar vacío</translation>
        </message>
        <message>
            <source>is too long ({0} characters; at most {1})</source>
            <translation>es demasiado largo ({0} caracteres; como máximo {1})</translation>
        </message>
        <message>
            <source>a scenario needs at least {0} steps; this file has {1}</source>
            <translation>un escenario necesita al menos {0} pasos; este archivo tiene {1}</translation>
        </message>
        <message>
            <source>needs at least 1 entry; it has {0}</source>
            <translation>necesita al menos 1 entrada; tiene {0}</translation>
        </message>
        <message>
            <source>needs at least {0} entries; it has {1}</source>
            <translation>necesita al menos {0} entradas; tiene {1}</translation>
        </message>
        <message>
            <source>has {0} entries; at most {1} are allowed</source>
            <translation>tiene {0} entradas; se permiten como máximo {1}</translation>
        </message>
        <message>
            <source>days count from the intake day, so this must be 0 or more, not {0}</source>
            <translation>los días se cuentan desde el día de la admisión, así que debe ser 0 o más, no {0}</translation>
        </message>
        <message>
            <source>must be {0} or more, not {1}</source>
            <translation>debe ser {0} o más, no {1}</translation>
        </message>
        <message>
            <source>must be {0} or less, not {1}</source>
            <translation>debe ser {0} o menos, no {1}</translation>
        </message>
        <message>
            <source>this is not valid TOML: {0} (at the end of the file)</source>
            <translation>esto no es TOML válido: {0} (al final del archivo)</translation>
        </message>
        <message>
            <source>this is not valid TOML: {0}</source>
            <translation>esto no es TOML válido: {0}</translation>
        </message>
        <message>
            <source>{0} is not {1} (choose one of: {2})</source>
            <translation>{0} no es {1} (elija uno de estos: {2})</translation>
        </message>
        <message>
            <source>an age group</source>
            <translation>un grupo de edad</translation>
        </message>
        <message>
            <source>a trafficking type</source>
            <translation>un tipo de trata</translation>
        </message>
        <message>
            <source>a note kind</source>
            <translation>un tipo de nota</translation>
        </message>
        <message>
            <source>a need category</source>
            <translation>una categoría de necesidad</translation>
        </message>
        <message>
            <source>a need status</source>
            <translation>un estado de necesidad</translation>
        </message>
        <message>
            <source>a need priority</source>
            <translation>una prioridad de necesidad</translation>
        </message>
        <message>
            <source>an appointment kind</source>
            <translation>un tipo de cita</translation>
        </message>
        <message>
            <source>a resource category</source>
            <translation>una categoría de recurso</translation>
        </message>
        <message>
            <source>a VOCA service</source>
            <translation>un servicio VOCA</translation>
        </message>
        <message>
            <source>{0} looks like a real phone number; scenarios may only use fictional 555-01xx numbers (or national toll-free hotlines)</source>
            <translation>{0} parece un número de teléfono real; los escenarios solo pueden usar números ficticios 555-01xx (o líneas de ayuda nacionales gratuitas)</translation>
        </message>
        <message>
            <source>{0} is not a valid id: use lowercase letters, digits and hyphens, like "h2a-farmworker"</source>
            <translation>{0} no es un id válido: use letras minúsculas, dígitos y guiones, por ejemplo "h2a-farmworker"</translation>
        </message>
        <message>
            <source>{0} is not a time: write it as HH:MM, 24-hour, like "09:30"</source>
            <translation>{0} no es una hora: escríbala como HH:MM, en formato de 24 horas, por ejemplo "09:30"</translation>
        </message>
        <message>
            <source>{0} is not a fictional phone number: use 555-0100 to 555-0199, like "555-0142" (an area code in front is fine)</source>
            <translation>{0} no es un número de teléfono ficticio: use del 555-0100 al 555-0199, por ejemplo "555-0142" (puede llevar código de área delante)</translation>
        </message>
        <message>
            <source>2026-Q3: quarter 3 of federal fiscal year 2026, April–June 2026 (the federal fiscal year starts October 1, so 2026-Q1 is October–December 2025)</source>
            <translation>2026-Q3: el 3.er trimestre del año fiscal federal 2026, abril–junio de 2026 (el año fiscal federal empieza el 1 de octubre, así que 2026-Q1 es octubre–diciembre de 2025)</translation>
        </message>
        <message>
            <source>Name the quarter as {0}.</source>
            <translation>Indique el trimestre así: {0}.</translation>
        </message>
        <message>
            <source>{0} has not begun yet; choose a quarter that has.</source>
            <translation>{0} todavía no ha empezado; elija un trimestre que ya haya empezado.</translation>
        </message>
        <message>
            <source>The VOCA figures are for a federal fiscal quarter.</source>
            <translation>Las cifras de VOCA son para un trimestre del año fiscal federal.</translation>
        </message>
        <message>
            <source>Scenarios are only played into the demo vault.</source>
            <translation>Los escenarios solo se reproducen en la bóveda de demostración.</translation>
        </message>
        <message>
            <source>That folder is where the office's real vault is kept. The demo never opens it; choose another folder for the demo.</source>
            <translation>En esa carpeta se guarda la bóveda real de la oficina. La demostración nunca la abre; elija otra carpeta para la demostración.</translation>
        </message>
        <message>
            <source>This folder holds a vault that is not the demo vault. Nothing was changed.</source>
            <translation>Esta carpeta contiene una bóveda que no es la de demostración. No se cambió nada.</translation>
        </message>
        <message>
            <source>This folder holds a real vault, not the demo vault. Nothing was changed.</source>
            <translation>Esta carpeta contiene una bóveda real, no la de demostración. No se cambió nada.</translation>
        </message>
        <message>
            <source>This folder holds other files, not the demo vault. Nothing was changed; choose an empty folder for the demo.</source>
            <translation>Esta carpeta contiene otros archivos, no la bóveda de demostración. No se cambió nada; elija una carpeta vacía para la demostración.</translation>
        </message>
        <message>
            <source>Only the demo vault can be reset. Nothing was changed.</source>
            <translation>Solo se puede reiniciar la bóveda de demostración. No se cambió nada.</translation>
        </message>
        <message>
            <source>{0}: '{1}' must be a non-empty text.</source>
            <translation>{0}: '{1}' debe ser un texto no vacío.</translation>
        </message>
        <message>
            <source>The form file has no [[{0}]] entries.</source>
            <translation>El archivo del formulario no tiene entradas [[{0}]].</translation>
        </message>
        <message>
            <source>[[{0}]] entry {1}</source>
            <translation>[[{0}]] entrada {1}</translation>
        </message>
        <message>
            <source>{0} is not a table.</source>
            <translation>{0} no es una tabla.</translation>
        </message>
        <message>
            <source>{0}: the code {1} is repeated or reserved.</source>
            <translation>{0}: el código {1} está repetido o reservado.</translation>
        </message>
        <message>
            <source>The form file has no [form] table.</source>
            <translation>El archivo del formulario no tiene la tabla [form].</translation>
        </message>
        <message>
            <source>[form]: 'federal_fiscal_year' must be a year such as 2026.</source>
            <translation>[form]: 'federal_fiscal_year' debe ser un año, como 2026.</translation>
        </message>
        <message>
            <source>{0}: 'among' must be "served" or "new".</source>
            <translation>{0}: 'among' debe ser "served" o "new".</translation>
        </message>
        <message>
            <source>The form file has no [[questions]].</source>
            <translation>El archivo del formulario no tiene [[questions]].</translation>
        </message>
        <message>
            <source>The service {0} names no [[service_groups]] group.</source>
            <translation>El servicio {0} no indica ningún grupo de [[service_groups]].</translation>
        </message>
        <message>
            <source>The service {0} names no question {1}.</source>
            <translation>El servicio {0} indica una pregunta {1} que no existe.</translation>
        </message>
        <message>
            <source>[[age]] codes must be the vault's age groups.</source>
            <translation>Los códigos de [[age]] deben ser los grupos de edad de la bóveda.</translation>
        </message>
        <message>
            <source>[suggest.{0}] is not something the app can suggest from.</source>
            <translation>[suggest.{0}] no es algo a partir de lo cual la aplicación pueda sugerir.</translation>
        </message>
        <message>
            <source>[suggest.{0}]: {1} is not one of the app's codes.</source>
            <translation>[suggest.{0}]: {1} no es uno de los códigos de la aplicación.</translation>
        </message>
        <message>
            <source>[suggest.{0}] {1}: unknown services {2}.</source>
            <translation>[suggest.{0}] {1}: servicios desconocidos {2}.</translation>
        </message>
        <message>
            <source>The form must ask for individuals served, new, and services.</source>
            <translation>El formulario debe preguntar por las personas atendidas, las nuevas y los servicios.</translation>
        </message>
        <message>
            <source>The VOCA form file could not be read ({0}).</source>
            <translation>No se pudo leer el archivo del formulario VOCA ({0}).</translation>
        </message>
        <message>
            <source>The VOCA form file {0} is not valid TOML: {1}</source>
            <translation>El archivo del formulario VOCA {0} no es TOML válido: {1}</translation>
        </message>
        <message>
            <source>The Spanish VOCA labels could not be read ({0}).</source>
            <translation>No se pudieron leer las etiquetas VOCA en español ({0}).</translation>
        </message>
    </context>
</TS>
