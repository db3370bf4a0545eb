#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Start-CallbackLabEmulator's reliability options (issue 13): slow and idle clients are cut off, a torn write a kill left in
# the data log is reported once as a warning. The Core suite covers the listener and the storage in depth.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force

    # True when the server closes the connection within $Seconds (a read returns 0 bytes or fails).
    function Test-ClosedWithin([System.Net.Sockets.TcpClient] $Client, [int] $Seconds) {
        $stream = $Client.GetStream()
        $stream.ReadTimeout = $Seconds * 1000
        try { return $stream.Read([byte[]]::new(64), 0, 64) -eq 0 }
        catch [System.IO.IOException] { return -not ($_.Exception.InnerException -is [System.Net.Sockets.SocketException] -and $_.Exception.InnerException.SocketErrorCode -eq 'TimedOut') }
    }
}

Describe 'Start-CallbackLabEmulator -HeaderTimeoutSec -IdleTimeoutSec -MaxConnections' {
    AfterEach { Get-CallbackLabEmulator | Stop-CallbackLabEmulator }

    It 'closes a connection that sends nothing at the header timeout' {
        $e = Start-CallbackLabEmulator -HeaderTimeoutSec 1 -NoDefault
        $client = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $e.Port)
        try { Test-ClosedWithin $client 6 | Should -BeTrue }
        finally { $client.Dispose() }
    }

    It 'answers a connection over the cap with 503' {
        $e = Start-CallbackLabEmulator -MaxConnections 1 -NoDefault
        $first = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $e.Port)
        try {
            Start-Sleep -Milliseconds 200
            $status = try { (Invoke-WebRequest -Uri "$($e.MockApiUri)/DynVars/1" -SkipHttpErrorCheck -TimeoutSec 10).StatusCode } catch { $_.Exception.Message }
            $status | Should -Be 503
        }
        finally { $first.Dispose() }
    }
}

Describe 'Start-CallbackLabEmulator -DataPath after a kill' {
    AfterEach { Get-CallbackLabEmulator | Stop-CallbackLabEmulator }

    It 'reports a torn write at the end of the data log once, as a warning, and keeps what was acknowledged' {
        $data = Join-Path $TestDrive 'lab.json'
        $e = Start-CallbackLabEmulator -DataPath $data -NoDefault
        $null = Invoke-RestMethod -Method Post -Uri "$($e.MockApiUri)/DynVars" -ContentType 'application/json' -Body '{"dn":"5550123"}'
        $line = Get-Content -Raw "$data.log"
        $e | Stop-CallbackLabEmulator
        # As a kill -9 during the next append would leave it: the acknowledged line, then half of another.
        Set-Content -Path "$data.log" -Value ($line + $line.Substring(0, 20)) -NoNewline

        $again = Start-CallbackLabEmulator -DataPath $data -NoDefault -WarningVariable warned -WarningAction SilentlyContinue
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'torn write'
        (Invoke-RestMethod -Uri "$($again.MockApiUri)/DynVars?dn=5550123").dn | Should -Be '5550123'
        $again | Stop-CallbackLabEmulator

        $third = Start-CallbackLabEmulator -DataPath $data -NoDefault -WarningVariable warnedAgain -WarningAction SilentlyContinue
        $warnedAgain.Count | Should -Be 0
    }
}
